package dev.paperplane.archfixtures.adapters.observer;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Breaks no background loops: the observer refreshes on a schedule. */
public final class SchedulingObserver {
    ScheduledExecutorService refresher() {
        return Executors.newSingleThreadScheduledExecutor();
    }
}
