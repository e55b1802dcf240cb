package dev.paperplane.archfixtures.adapters.observer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Breaks passive observability: the observer writes a file. */
public final class FileWritingObserver {
    void cache(Path file) throws IOException {
        Files.writeString(file, "cached");
    }
}
