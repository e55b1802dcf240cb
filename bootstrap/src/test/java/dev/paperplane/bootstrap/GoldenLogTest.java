package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run writes exactly the log the first released runtime wrote for the same feed and configuration: the audit
 * segments and snapshots under {@code golden/} were produced by that code (800 bars of AAA, BBB and CCC, seed 11;
 * snapshots every 1,000 events, segments of 300,000 bytes) and are compared byte for byte, so no speed-up of the
 * core or the writer can change a byte unnoticed.
 */
class GoldenLogTest {
    private static final String GOLDEN = "golden/";
    private static final List<String> FILES = List.of(
            "audit/segment-00000000000000000001.jsonl",
            "audit/segment-00000000000000000926.jsonl",
            "audit/segment-00000000000000001851.jsonl",
            "audit/segment-00000000000000002785.jsonl",
            "snapshots/snapshot-00000000000000001001.json",
            "snapshots/snapshot-00000000000000002001.json",
            "snapshots/snapshot-00000000000000003001.json",
            "snapshots/snapshot-00000000000000003292.json");

    @TempDir
    Path dir;

    @Test
    void aRunWritesTheGoldenLogByteForByte() throws IOException {
        Path data = dir.resolve("data");

        Cli.ok("run", "--data", data, "--feed", feed(), "--config", config());

        assertThat(stored(data)).isEqualTo(golden());
    }

    private Path feed() throws IOException {
        Path feed = dir.resolve("feed.csv");
        if (!Files.exists(feed)) {
            Files.write(feed, gunzip(GOLDEN + "feed.csv.gz"));
        }
        return feed;
    }

    private Path config() throws IOException {
        Path config = dir.resolve("config.yaml");
        if (!Files.exists(config)) {
            try (InputStream in = resource(GOLDEN + "config.yaml")) {
                Files.write(config, in.readAllBytes());
            }
        }
        return config;
    }

    private static SortedMap<String, String> golden() {
        SortedMap<String, String> sums = new TreeMap<>();
        for (String file : FILES) {
            sums.put(file, DataDirs.sha256(gunzip(GOLDEN + file + ".gz")));
        }
        return sums;
    }

    private static SortedMap<String, String> stored(Path data) {
        SortedMap<String, String> sums = DataDirs.checksums(data);
        sums.keySet().removeIf(name -> !name.startsWith("audit/") && !name.startsWith("snapshots/"));
        return sums;
    }

    private static byte[] gunzip(String name) {
        try (InputStream in = new GZIPInputStream(resource(name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = GoldenLogTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }
}
