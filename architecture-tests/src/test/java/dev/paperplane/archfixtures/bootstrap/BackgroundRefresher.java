package dev.paperplane.archfixtures.bootstrap;

import java.util.Timer;
import java.util.TimerTask;

/** Breaks no background loops: bootstrap code that is not the observer's starter schedules work. */
public final class BackgroundRefresher {
    void every(TimerTask task) {
        new Timer().schedule(task, 0, 1_000);
    }
}
