package dev.paperplane.bootstrap.command;

import static dev.paperplane.bootstrap.command.StoreFixtures.BARS;
import static dev.paperplane.bootstrap.command.StoreFixtures.config;
import static dev.paperplane.bootstrap.command.StoreFixtures.feed;
import static dev.paperplane.bootstrap.command.StoreFixtures.files;
import static dev.paperplane.bootstrap.command.StoreFixtures.freshPostgres;
import static dev.paperplane.bootstrap.command.StoreFixtures.head;
import static dev.paperplane.bootstrap.command.StoreFixtures.locator;
import static dev.paperplane.bootstrap.command.StoreFixtures.paperplane;
import static dev.paperplane.bootstrap.command.StoreFixtures.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.command.StoreFixtures.Outcome;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import dev.paperplane.domain.audit.AuditEvent;
import dev.paperplane.domain.audit.MarketBarObserved;
import dev.paperplane.domain.audit.SessionStarted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperplane copy} of a log the runtime wrote into many small segments, over two sessions: a data directory
 * copied from any store holds the runtime's own segment files, byte for byte, given the same segment size.
 */
class CopySegmentsTest {
    /** The smallest segment size there is: a segment rolls every dozen or so records. */
    private static final String SEGMENT_BYTES = "4096";

    @TempDir
    Path dir;

    private StoreTarget.Directory source;

    @BeforeEach
    void runTwoSessionsIntoSmallSegments() {
        Path config = config(dir);
        source = new StoreTarget.Directory(dir.resolve("source"));
        runSmall(feed(dir, "short.csv", BARS / 2, 7), config);
        runSmall(feed(dir, "feed.csv", BARS, 7), config);
        assertThat(segments(source.dir())).hasSizeGreaterThan(20);
    }

    @Test
    void aMultiSegmentLogCopiedIntoPostgresAndOutAgainIsTheOriginalFilesByteForByte() {
        StoreTarget.Postgres middle = freshPostgres();
        Path back = dir.resolve("back");

        copy(locator(source), locator(middle));
        copy(locator(middle), "file:" + back);

        assertThat(files(back)).containsExactlyEntriesOf(files(source.dir()));
    }

    @Test
    void aMultiSegmentLogCopiedBetweenDirectoriesIsTheOriginalFilesByteForByte() {
        Path other = dir.resolve("other");

        copy(locator(source), other.toString());

        assertThat(files(other)).containsExactlyEntriesOf(files(source.dir()));
    }

    @Test
    void aCopyOutOfPostgresInterruptedInsideASegmentAndRunAgainEndsWithTheOriginalFiles() throws IOException {
        StoreTarget.Postgres middle = freshPostgres();
        Path back = dir.resolve("back");
        copy(locator(source), locator(middle));
        copy(locator(middle), back.toString());
        long kept = interruptInsideASegment(back);

        Outcome again = copy(locator(middle), back.toString());

        assertThat(again.out()).startsWith("copy: " + (head(source).seq() - kept) + " records copied (" + kept
                + " already in the target)");
        assertThat(files(back)).containsExactlyEntriesOf(files(source.dir()));
    }

    @Test
    void aSegmentSizeBelowTheSmallestIsAUsageError() {
        Outcome copy = paperplane("copy", "--from", locator(source), "--to", dir.resolve("t").toString(),
                "--segment-bytes", "4095");

        assertThat(copy.code()).isEqualTo(UserError.USAGE);
        assertThat(copy.err()).contains("--segment-bytes must be within 4096..");
        assertThat(dir.resolve("t")).doesNotExist();
    }

    private void runSmall(Path feed, Path config) {
        succeeds("run", "--store", locator(source), "--feed", feed.toString(), "--config", config.toString(),
                "--segment-bytes", SEGMENT_BYTES);
    }

    private static Outcome copy(String from, String to) {
        return succeeds("copy", "--from", from, "--to", to, "--segment-bytes", SEGMENT_BYTES);
    }

    /**
     * Leaves in {@code data} what a copy stopped between two appends leaves: the records up to a bar's batch that
     * begins inside a middle segment, no later segment and no snapshot (those are copied after the records).
     * Returns the records kept.
     */
    private static long interruptInsideASegment(Path data) throws IOException {
        List<AuditEvent> events;
        try (OpenedStore.Reading reading = StoreOpener.openReader(new StoreTarget.Directory(data));
             Stream<AuditRecord> records = reading.log().readAfter(0)) {
            events = records.map(AuditRecord::event).toList();
        }
        List<Path> segments = segments(data);
        Path cut = segments.get(segments.size() / 2);
        long firstSeq = Long.parseLong(cut.getFileName().toString().replaceAll("\\D", ""));
        List<String> lines = Files.readAllLines(cut, StandardCharsets.UTF_8);
        long offset = 0;
        long kept = -1;
        for (int i = 0; i < lines.size(); i++) {
            long seq = firstSeq + i;
            if (i > 0 && events.get((int) seq - 1) instanceof MarketBarObserved
                    && !(events.get((int) seq - 2) instanceof SessionStarted)) {
                kept = seq - 1;
                break;
            }
            offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        assertThat(kept).as("a bar's batch beginning inside " + cut).isPositive();
        try (FileChannel channel = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            channel.truncate(offset);
        }
        for (Path later : segments.subList(segments.indexOf(cut) + 1, segments.size())) {
            Files.delete(later);
        }
        try (Stream<Path> snapshots = Files.list(data.resolve("snapshots"))) {
            for (Path snapshot : snapshots.toList()) {
                Files.delete(snapshot);
            }
        }
        return kept;
    }

    private static List<Path> segments(Path data) {
        try (Stream<Path> paths = Files.list(data.resolve("audit"))) {
            return paths.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
