package dev.paperplane.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Splits a log's segments into lines (without their newline), reading 1 MiB at a time. */
final class Lines {

    /** Receives one line: {@code buf[off, off+len)}. */
    @FunctionalInterface
    interface Sink {
        void line(byte[] buf, int off, int len);
    }

    private Lines() {
    }

    /** Hands every complete line of {@code segments}, in order, to {@code sink}; returns the line count. */
    static long forEach(List<Path> segments, Sink sink) {
        byte[] buf = new byte[SegmentBytes.CHUNK];
        long lines = 0;
        for (Path segment : segments) {
            try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
                int limit = 0;
                while (true) {
                    int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
                    if (n < 0) {
                        break;
                    }
                    limit += n;
                    int start = 0;
                    for (int i = 0; i < limit; i++) {
                        if (buf[i] == '\n') {
                            sink.line(buf, start, i - start);
                            lines++;
                            start = i + 1;
                        }
                    }
                    System.arraycopy(buf, start, buf, 0, limit - start);
                    limit -= start;
                    if (limit == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + segment + ": " + e, e);
            }
        }
        return lines;
    }
}
