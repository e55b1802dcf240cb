package dev.paperplane.archfixtures.adapters.observer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Breaks passive observability: the observer opens a file for writing. */
public final class StreamWritingObserver {
    OutputStream open(String file) throws IOException {
        return new FileOutputStream(file);
    }
}
