package dev.paperplane.adapters.persistence;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Reads newline-terminated lines from a file, from a byte offset to the end of the file as it is while
 * reading, or to a given end offset. A final line without its newline is not returned: it is an append in
 * progress or a torn tail.
 */
final class LineScanner {
    private static final int INITIAL_BUFFER = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private final FileChannel channel;
    private final long endOffset;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private long bufferOffset;
    private int start;
    private int searched;
    private int limit;
    private boolean eof;

    private int lineStart;
    private int lineLength;
    private long lineOffset;

    LineScanner(FileChannel channel, long offset) {
        this(channel, offset, Long.MAX_VALUE);
    }

    /** A scanner of the lines that end before file offset {@code endOffset}. */
    LineScanner(FileChannel channel, long offset, long endOffset) {
        this.channel = channel;
        this.bufferOffset = offset;
        this.endOffset = endOffset;
    }

    /** Advances to the next complete line; false at the end of the complete lines. */
    boolean next() throws IOException {
        while (true) {
            int newline = newline(buf, searched, limit);
            if (newline >= 0) {
                lineStart = start;
                lineLength = newline - start;
                lineOffset = bufferOffset + start;
                start = newline + 1;
                searched = start;
                return true;
            }
            searched = limit;
            if (eof || !fill()) {
                eof = true;
                return false;
            }
        }
    }

    /**
     * The index of the first newline in {@code bytes[from, to)}, or -1. Eight bytes at a time: a byte of the word
     * XOR newlines is zero exactly where a newline is, and the lowest byte the zero-byte test flags is exact.
     */
    static int newline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long zeros = (x - ONES) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            bufferOffset += start;
            limit -= start;
            searched -= start;
            start = 0;
        }
        if (limit == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, limit);
            buf = bigger;
        }
        long from = bufferOffset + limit;
        int room = (int) Math.min(buf.length - limit, endOffset - from);
        if (room <= 0) {
            return false;
        }
        int read = channel.read(ByteBuffer.wrap(buf, limit, room), from);
        if (read <= 0) {
            return false;
        }
        limit += read;
        return true;
    }

    /** The buffer holding the current line. */
    byte[] buffer() {
        return buf;
    }

    /** Index of the current line in {@link #buffer()}. */
    int lineStart() {
        return lineStart;
    }

    /** Length of the current line, without its newline. */
    int lineLength() {
        return lineLength;
    }

    /** File offset of the current line. */
    long lineOffset() {
        return lineOffset;
    }

    /** File offset just after the last complete line returned. */
    long position() {
        return bufferOffset + start;
    }

    /** Bytes read past {@link #position()} that do not (yet) end in a newline. */
    int pendingBytes() {
        return limit - start;
    }
}
