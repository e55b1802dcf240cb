package dev.paperplane.archfixtures.adapters.observer;

import dev.paperplane.archfixtures.application.session.FixtureSession;

/** Breaks "observability cannot affect runtime outcome": the observer runs a session. */
public final class SessionDrivingObserver {
    void trigger(FixtureSession session) {
        session.run();
    }
}
