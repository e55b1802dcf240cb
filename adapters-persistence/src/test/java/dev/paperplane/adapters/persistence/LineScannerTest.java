package dev.paperplane.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineScannerTest {
    /** The plain byte-by-byte answer the word-at-a-time search must equal. */
    private static int plain(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theNewlineSearchFindsTheFirstNewlineAtEveryPositionAndAlignment() {
        for (int length = 0; length <= 40; length++) {
            for (int at = -1; at < length; at++) {
                byte[] bytes = new byte[length];
                Arrays.fill(bytes, (byte) 'x');
                if (at >= 0) {
                    bytes[at] = '\n';
                }
                for (int from = 0; from <= length; from++) {
                    assertThat(LineScanner.newline(bytes, from, length)).as("length %d, newline at %d, from %d",
                            length, at, from).isEqualTo(plain(bytes, from, length));
                }
            }
        }
    }

    @Test
    void bytesThatDifferFromANewlineByOneBitOrByTheBorrowAreNotNewlines() {
        // 0x0B, 0x08, 0x8A and 0x00 next to a newline exercise the zero-byte test's borrow and high-bit cases
        byte[] bytes = {0x0B, 0x08, (byte) 0x8A, 0x00, 0x01, 0x0A, 0x0A, (byte) 0xFF, 0x0B, 0x0B, 0x0B, 0x0B};
        for (int from = 0; from <= bytes.length; from++) {
            for (int to = from; to <= bytes.length; to++) {
                assertThat(LineScanner.newline(bytes, from, to)).as("from %d to %d", from, to)
                        .isEqualTo(plain(bytes, from, to));
            }
        }
    }

    @Test
    void theSearchStopsAtTheEndItIsGivenEvenWithANewlineBeyondIt() {
        byte[] bytes = "abcdefghijkl\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(LineScanner.newline(bytes, 0, 12)).isEqualTo(-1);
        assertThat(LineScanner.newline(bytes, 0, 13)).isEqualTo(12);
    }
}
