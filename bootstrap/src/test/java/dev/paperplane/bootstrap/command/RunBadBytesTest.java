package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.bootstrap.Cli;
import dev.paperplane.bootstrap.DataDirs;
import dev.paperplane.bootstrap.Fixtures;
import dev.paperplane.domain.audit.MarketBarObserved;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperplane run} over feeds with bytes that are not UTF-8, oversized fields and control characters. */
class RunBadBytesTest {
    /** 200 bars of each of two instruments: bar lines 2..401, about 24 KB, more than a reader's read-ahead. */
    private static final int BARS = 200;
    private static final int BAD_LINE = 301;

    @TempDir
    Path dir;

    /** The synthetic feed with {@code bad} in place of the first field of line {@link #BAD_LINE}. */
    private Path brokenFeed(byte[] bad) throws IOException {
        Path clean = Fixtures.feed(dir.resolve("clean.csv"), BARS, "AAA,BBB", 11);
        List<String> lines = new ArrayList<>(Files.readAllLines(clean));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i) + "\n";
            if (i == BAD_LINE - 1) {
                bytes.writeBytes(bad);
                line = line.substring(line.indexOf(','));
            }
            bytes.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }
        Path broken = dir.resolve("broken.csv");
        Files.write(broken, bytes.toByteArray());
        return broken;
    }

    private static long bars(Path data) {
        return DataDirs.records(data).stream().map(AuditRecord::event).filter(MarketBarObserved.class::isInstance).count();
    }

    @Test
    void aLatin1ByteStopsTheRunAtItsLineWithExitOneKeepingEveryBarBeforeIt() throws IOException {
        Path feed = brokenFeed("2024-01-02T02:29:00Z caf\u00E9".getBytes(StandardCharsets.ISO_8859_1));
        Path data = dir.resolve("data");

        Cli.Result stopped = Cli.run("run", "--data", data, "--feed", feed);

        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.err()).isEqualTo("paperplane: " + feed + " line " + BAD_LINE + ": byte 0xE9 at byte 25 of"
                + " the line is not UTF-8; save the file as UTF-8 (it looks like another encoding, such as Latin-1 or"
                + " Windows-1252); every bar before line " + BAD_LINE + " is appended, nothing after it: fix the line"
                + " and run again\n");
        assertThat(bars(data)).isEqualTo(BAD_LINE - 2);
        assertThat(Cli.run("verify", "--data", data).exitCode()).isZero();
    }

    @Test
    void aMegabyteFieldIsRefusedWithAShortMessage() throws IOException {
        Path feed = brokenFeed("9".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII));
        Path data = dir.resolve("data");

        Cli.Result stopped = Cli.run("run", "--data", data, "--feed", feed);

        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.err()).startsWith("paperplane: " + feed + " line " + BAD_LINE + ": time is longer than the"
                + " 64 bytes accepted (the line is longer than 1024 bytes): '" + "9".repeat(40) + "…'")
                .hasSizeLessThan(400).hasLineCount(1);
        assertThat(bars(data)).isEqualTo(BAD_LINE - 2);
    }

    @Test
    void controlBytesNeverReachTheTerminalRaw() throws IOException {
        Path feed = brokenFeed("\u0000\u001b]0;owned\u0007".getBytes(StandardCharsets.US_ASCII));

        Cli.Result stopped = Cli.run("run", "--data", dir.resolve("data"), "--feed", feed);

        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.err()).contains("time '\\u0000\\u001B]0;owned\\u0007' is not an ISO-8601 instant");
        assertThat(stopped.err().chars().filter(c -> c != '\n')).noneMatch(Character::isISOControl);
    }
}
