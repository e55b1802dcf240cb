package dev.paperplane.adapters.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;

/**
 * Where everything lives in a data directory: {@code audit/segment-<first seq>.jsonl}, {@code snapshots/},
 * {@code quarantine/} and the lock file {@code writer.lock}.
 */
final class Layout {
    static final String LOCK_FILE = "writer.lock";
    private static final String SEGMENT_PREFIX = "segment-";
    private static final String SEGMENT_SUFFIX = ".jsonl";
    private static final String SNAPSHOT_PREFIX = "snapshot-";
    private static final String SNAPSHOT_SUFFIX = ".json";
    static final String TEMP_SUFFIX = ".tmp";
    private static final int SEQ_DIGITS = 20;

    final Path data;
    final Path audit;
    final Path snapshots;
    final Path quarantine;
    final Path lock;

    Layout(Path data) {
        this.data = data.toAbsolutePath().normalize();
        this.audit = this.data.resolve("audit");
        this.snapshots = this.data.resolve("snapshots");
        this.quarantine = this.data.resolve("quarantine");
        this.lock = this.data.resolve(LOCK_FILE);
    }

    static String segmentName(long firstSeq) {
        return SEGMENT_PREFIX + zeroPadded(firstSeq) + SEGMENT_SUFFIX;
    }

    static String snapshotName(long seq) {
        return SNAPSHOT_PREFIX + zeroPadded(seq) + SNAPSHOT_SUFFIX;
    }

    Path segment(long firstSeq) {
        return audit.resolve(segmentName(firstSeq));
    }

    Path snapshot(long seq) {
        return snapshots.resolve(snapshotName(seq));
    }

    Path snapshotTemp(long seq) {
        return snapshots.resolve(snapshotName(seq) + TEMP_SUFFIX);
    }

    /** The segments by first seq; empty when the audit directory does not exist yet. */
    TreeMap<Long, Path> segments() throws IOException {
        return numbered(audit, SEGMENT_PREFIX, SEGMENT_SUFFIX);
    }

    /** The snapshot files by seq; temp files and anything else are not snapshots. */
    TreeMap<Long, Path> snapshotFiles() throws IOException {
        return numbered(snapshots, SNAPSHOT_PREFIX, SNAPSHOT_SUFFIX);
    }

    private static TreeMap<Long, Path> numbered(Path dir, String prefix, String suffix) throws IOException {
        TreeMap<Long, Path> found = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, prefix + "*" + suffix)) {
            for (Path entry : entries) {
                long seq = number(entry.getFileName().toString(), prefix, suffix);
                if (seq >= 0) {
                    found.put(seq, entry);
                }
            }
        } catch (NoSuchFileException e) {
            return found;
        }
        return found;
    }

    /** The number in {@code <prefix><20 digits><suffix>}, or -1 for any other name. */
    private static long number(String name, String prefix, String suffix) {
        if (name.length() != prefix.length() + SEQ_DIGITS + suffix.length() || !name.startsWith(prefix)
                || !name.endsWith(suffix)) {
            return -1;
        }
        long value = 0;
        for (int i = prefix.length(); i < prefix.length() + SEQ_DIGITS; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - (c - '0')) / 10) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String zeroPadded(long seq) {
        String digits = Long.toString(seq);
        return "0".repeat(SEQ_DIGITS - digits.length()) + digits;
    }

    /** Makes a directory's entries (a created, renamed or deleted file) durable. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
