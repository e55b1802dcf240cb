package dev.paperplane.bootstrap.command;

import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.MarketBarObserved;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Logs tampered with as the keeper of the store could: events changed, the chain recomputed from genesis and the
 * snapshots removed, so that plain {@code verify} finds nothing wrong.
 */
final class TamperedLogs {

    private TamperedLogs() {
    }

    /** A copy of the data directory {@code from} at {@code to}, its events changed by {@code change} and resealed. */
    static Path resealed(Path from, Path to, UnaryOperator<List<AuditEvent>> change) throws IOException {
        copyDir(from, to);
        Path segments = to.resolve("audit");
        List<Path> files;
        try (Stream<Path> list = Files.list(segments)) {
            files = list.sorted().toList();
        }
        List<AuditEvent> events = new ArrayList<>();
        for (Path segment : files) {
            for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                AuditRecord record = AuditCodec.decodeUnverified(bytes, 0, bytes.length);
                events.add(record.event());
            }
            Files.delete(segment);
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ChainHead head = ChainHead.GENESIS;
        for (AuditEvent event : change.apply(events)) {
            EncodedRecord record = AuditCodec.seal(head, event);
            log.writeBytes(record.line());
            head = new ChainHead(record.seq(), record.hash());
        }
        Files.write(files.getFirst(), log.toByteArray());
        try (Stream<Path> snapshots = Files.list(to.resolve("snapshots"))) {
            for (Path snapshot : snapshots.toList()) {
                Files.delete(snapshot);
            }
        }
        return to;
    }

    /**
     * {@code events} with the first two consecutive bars from the eleventh event on exchanged: a rewrite that leaves
     * a well-formed session behind.
     */
    static List<AuditEvent> twoBarsSwapped(List<AuditEvent> events) {
        List<AuditEvent> out = new ArrayList<>(events);
        int i = 10;
        while (!(out.get(i) instanceof MarketBarObserved && out.get(i + 1) instanceof MarketBarObserved)) {
            i++;
        }
        out.set(i, events.get(i + 1));
        out.set(i + 1, events.get(i));
        return out;
    }

    /** Copies the data directory {@code from} to {@code to}, without the writer's lock file. */
    static void copyDir(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals("writer.lock")) {
                    Files.copy(path, target);
                }
            }
        }
    }
}
