package dev.paperplane.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Sequential reads of a log's segment files, in large chunks, for the side-by-side limits. */
final class SegmentBytes {
    static final int CHUNK = 1 << 20;

    /** Receives each chunk read. */
    @FunctionalInterface
    interface Sink {
        void accept(ByteBuffer chunk);
    }

    private SegmentBytes() {
    }

    /** Reads every byte of {@code segments} in order into {@code buffer}, handing each chunk to {@code sink}. */
    static long readAll(List<Path> segments, ByteBuffer buffer, Sink sink) {
        long total = 0;
        for (Path segment : segments) {
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
                while (true) {
                    buffer.clear();
                    int n = channel.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    buffer.flip();
                    sink.accept(buffer);
                    total += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + segment + ": " + e, e);
            }
        }
        return total;
    }
}
