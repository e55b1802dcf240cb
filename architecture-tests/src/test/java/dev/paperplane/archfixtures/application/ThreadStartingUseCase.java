package dev.paperplane.archfixtures.application;

/** Breaks no background loops: starts a thread in the application. */
public final class ThreadStartingUseCase {
    void tickForever(Runnable tick) {
        new Thread(tick).start();
    }
}
