package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.contract.SampleEvents;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.domain.audit.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers: filling a store, and a fingerprint of a directory tree to prove nothing changed. */
final class Dirs {
    private Dirs() {
    }

    static List<EncodedRecord> append(FileStoreWriter writer, List<? extends AuditEvent> events) {
        List<EncodedRecord> batch = SampleEvents.seal(writer.head(), events);
        writer.append(batch);
        return batch;
    }

    /** Writes {@code batches} batches of {@code size} bar events and closes the writer. */
    static void fill(Path data, int batches, int size) {
        try (FileStoreWriter writer = FileStore.openWriter(data)) {
            for (int i = 0; i < batches; i++) {
                append(writer, SampleEvents.events(size));
            }
        }
    }

    static Path firstSegment(Path data) {
        return new Layout(data).segment(1);
    }

    static List<AuditRecord> all(Stream<AuditRecord> stream) {
        try (stream) {
            return stream.toList();
        }
    }

    /** Every file and directory under {@code root}, with its size and SHA-256. */
    static Map<String, String> fingerprint(Path root) {
        Map<String, String> listing = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String key = root.relativize(path).toString();
                if (Files.isDirectory(path)) {
                    listing.put(key + "/", "directory");
                } else {
                    byte[] bytes = Files.readAllBytes(path);
                    listing.put(key, bytes.length + " " + Snapshot.checksumOf(bytes));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return listing;
    }

    /** The byte offsets at which each line of a file starts. */
    static List<Integer> lineStarts(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<Integer> starts = new java.util.ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    starts.add(start);
                    start = i + 1;
                }
            }
            return starts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
