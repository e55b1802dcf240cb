package dev.paperplane.application.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a UTF-8 text, read one at a time with a bound on their length. Each line is decoded on its own and
 * strictly, so a byte that is not UTF-8 is reported at its own line, after every line before it was handed out
 * (a decoder reading ahead would fail lines early). Line ends are {@code \n}, {@code \r\n} or a lone {@code \r}.
 */
public final class FeedLines {
    private static final int NONE = -2;

    private final InputStream in;
    private final String source;
    private final byte[] line;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private int pushedBack = NONE;
    private long lineNumber;

    /**
     * A line reader of {@code in}, which it reads through its own buffer; {@code source} names the text in
     * messages; lines longer than {@code maxBytes} (without their line end) are cut.
     */
    public FeedLines(InputStream in, String source, int maxBytes) {
        this.in = in;
        this.source = source;
        this.line = new byte[maxBytes];
    }

    /**
     * A line as read: its text, and whether it was longer than the bound, in which case {@code text} is its first
     * bytes only and nothing further is read.
     */
    public record Line(String text, boolean cut) {
    }

    /** The next line, or null at the end of the text. */
    public Line next() {
        int length = 0;
        int b = read();
        if (b < 0) {
            return null;
        }
        lineNumber++;
        int bits = 0;
        while (b >= 0 && b != '\n' && b != '\r') {
            if (length == line.length) {
                return new Line(new String(line, 0, length, StandardCharsets.UTF_8), true);
            }
            line[length++] = (byte) b;
            bits |= b;
            b = read();
        }
        if (b == '\r') {
            int after = read();
            if (after != '\n') {
                pushedBack = after;
            }
        }
        // a line of ASCII bytes is valid UTF-8 as it is: only other lines need the strict decoder
        return new Line(bits < 0x80 ? new String(line, 0, length, StandardCharsets.US_ASCII) : decode(length), false);
    }

    /** The number of the line read last, from 1. */
    public long lineNumber() {
        return lineNumber;
    }

    private String decode(int length) {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            int at = firstMalformed(length);
            throw new FeedException(source, lineNumber, String.format("byte 0x%02X at byte %d of the line is not"
                    + " UTF-8; save the file as UTF-8 (it looks like another encoding, such as Latin-1 or"
                    + " Windows-1252)", line[at] & 0xFF, at + 1));
        }
    }

    /** The offset of the first byte that does not start a well-formed UTF-8 sequence. */
    private int firstMalformed(int length) {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        utf8.reset().decode(bytes, chars, true);
        return bytes.position();
    }

    private int read() {
        if (pushedBack != NONE) {
            int b = pushedBack;
            pushedBack = NONE;
            return b;
        }
        if (position == limit) {
            try {
                limit = in.read(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source + " after line " + lineNumber + ": "
                        + e.getMessage(), e);
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++] & 0xFF;
    }
}
