package dev.paperplane.archfixtures.application.session;

/** Stands in for the session use case. */
public final class FixtureSession {
    public void run() {
    }
}
