package dev.paperplane.archfixtures.adapters.observer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Breaks passive observability: the observer takes a file lock. */
public final class LockingObserver {
    FileLock lock(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ).tryLock(0, Long.MAX_VALUE, true);
    }
}
