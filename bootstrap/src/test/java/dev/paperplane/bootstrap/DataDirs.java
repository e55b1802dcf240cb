package dev.paperplane.bootstrap;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.application.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Looks into a data directory from outside the runtime: file bytes, checksums and the records a reader sees. */
public final class DataDirs {

    private DataDirs() {
    }

    /** SHA-256 of every regular file under {@code dir}, by relative path: equal maps mean nothing was written. */
    public static SortedMap<String, String> checksums(Path dir) {
        SortedMap<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(dir.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    /**
     * {@link #checksums} of everything but the writer's lock file: a test that holds the lock in its own JVM must not
     * open that file, because closing any channel to it drops this process's OS lock (POSIX record locks).
     */
    public static SortedMap<String, String> checksumsBesideAHeldLock(Path data) {
        SortedMap<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("writer.lock")).toList()) {
                sums.put(data.relativize(file).toString().replace('\\', '/'), sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    /** The bytes of every audit segment, by file name (which orders them by first seq). */
    public static SortedMap<String, byte[]> segments(Path data) {
        SortedMap<String, byte[]> segments = new TreeMap<>();
        Path audit = data.resolve("audit");
        if (!Files.isDirectory(audit)) {
            return segments;
        }
        try (Stream<Path> files = Files.list(audit)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                segments.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return segments;
    }

    /** The whole audit log: every segment's bytes, in order. */
    public static byte[] log(Path data) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        segments(data).values().forEach(all::writeBytes);
        return all.toByteArray();
    }

    /** Every complete, verified record, as a reader sees them. */
    public static List<AuditRecord> records(Path data) {
        try (Stream<AuditRecord> records = FileStore.openReader(data).readAfter(0)) {
            return records.toList();
        }
    }

    /**
     * Recomputes every record's hash in every segment, in order, as a forger who rewrites the whole chain would: what
     * is left to catch is whatever the chain cannot (a record's content that breaks a rule of its own).
     */
    public static void rechain(Path data) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] previous = new byte[32];
            for (String name : segments(data).keySet()) {
                Path segment = data.resolve("audit").resolve(name);
                StringBuilder rewritten = new StringBuilder();
                for (String line : Files.readString(segment, StandardCharsets.UTF_8).split("\n")) {
                    String canonical = line.substring(0, line.length() - 75) + "}";
                    sha256.update(previous);
                    previous = sha256.digest(canonical.getBytes(StandardCharsets.UTF_8));
                    rewritten.append(line, 0, line.length() - 66).append(HexFormat.of().formatHex(previous))
                            .append("\"}\n");
                }
                Files.writeString(segment, rewritten, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
