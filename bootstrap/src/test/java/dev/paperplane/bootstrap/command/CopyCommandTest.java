package dev.paperplane.bootstrap.command;

import static dev.paperplane.bootstrap.command.StoreFixtures.BARS;
import static dev.paperplane.bootstrap.command.StoreFixtures.config;
import static dev.paperplane.bootstrap.command.StoreFixtures.feed;
import static dev.paperplane.bootstrap.command.StoreFixtures.files;
import static dev.paperplane.bootstrap.command.StoreFixtures.freshPostgres;
import static dev.paperplane.bootstrap.command.StoreFixtures.head;
import static dev.paperplane.bootstrap.command.StoreFixtures.locator;
import static dev.paperplane.bootstrap.command.StoreFixtures.paperplane;
import static dev.paperplane.bootstrap.command.StoreFixtures.run;
import static dev.paperplane.bootstrap.command.StoreFixtures.snapshots;
import static dev.paperplane.bootstrap.command.StoreFixtures.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.adapters.persistence.FileStore;
import dev.paperplane.application.audit.AuditCodec;
import dev.paperplane.application.audit.AuditRecord;
import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.audit.EncodedRecord;
import dev.paperplane.application.snapshot.SnapshotInfo;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.command.StoreFixtures.Outcome;
import dev.paperplane.bootstrap.store.OpenedStore;
import dev.paperplane.bootstrap.store.StoreOpener;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperplane copy} between data directories and PostgreSQL, against a real server. */
class CopyCommandTest {
    @TempDir
    Path dir;

    private Path config;
    private StoreTarget.Directory source;

    @BeforeEach
    void runASessionIntoADirectory() {
        config = config(dir);
        source = new StoreTarget.Directory(dir.resolve("source"));
        run(locator(source), feed(dir, "feed.csv", BARS, 7), config);
    }

    @Test
    void aFileStoreCopiedIntoPostgresHasTheSameHeadAndVerifies() {
        StoreTarget.Postgres target = freshPostgres();

        Outcome copy = succeeds("copy", "--from", locator(source), "--to", locator(target));

        ChainHead head = head(source);
        assertThat(head(target)).isEqualTo(head);
        assertThat(copy.out()).startsWith("copy: " + head.seq() + " records copied (0 already in the target), "
                + snapshots(source).size() + " snapshots copied (0 already there, 0 skipped)")
                .contains("verified: head seq " + head.seq() + " hash " + head.hash());
        assertThat(succeeds("verify", "--store", locator(target)).out())
                .startsWith("verify: ok: " + head.seq() + " records")
                .contains(snapshots(source).size() + " snapshots equal to a replay");
        assertThat(checksums(target)).isNotEmpty().isEqualTo(checksums(source));
    }

    @Test
    void aFileStoreCopiedOutOfPostgresIsByteIdenticalToTheOriginalFiles() {
        StoreTarget.Postgres middle = freshPostgres();
        StoreTarget.Directory back = new StoreTarget.Directory(dir.resolve("back"));

        succeeds("copy", "--from", locator(source), "--to", locator(middle));
        succeeds("copy", "--from", locator(middle), "--to", "file:" + back.dir());

        assertThat(files(back.dir())).containsExactlyEntriesOf(files(source.dir()));
        assertThat(files(back.dir()).keySet()).anyMatch(name -> name.startsWith("audit/segment-"))
                .anyMatch(name -> name.startsWith("snapshots/snapshot-"));
    }

    @Test
    void copiesBetweenTwoPostgresStoresAndBetweenTwoDirectories() {
        StoreTarget.Postgres first = freshPostgres();
        StoreTarget.Postgres second = freshPostgres();
        StoreTarget.Directory other = new StoreTarget.Directory(dir.resolve("other"));

        succeeds("copy", "--from", locator(source), "--to", locator(first));
        succeeds("copy", "--from", locator(first), "--to", locator(second));
        succeeds("copy", "--from", locator(source), "--to", locator(other));

        assertThat(head(second)).isEqualTo(head(source));
        assertThat(checksums(second)).isEqualTo(checksums(source));
        assertThat(files(other.dir())).containsExactlyEntriesOf(files(source.dir()));
    }

    @Test
    void aRunContinuedOnTheTargetAppendsExactlyWhatItWouldHaveAppendedOnTheSource() {
        StoreTarget.Postgres target = freshPostgres();
        succeeds("copy", "--from", locator(source), "--to", locator(target));
        ChainHead copied = head(target);
        Path longer = feed(dir, "feed.csv", BARS + 100, 7);

        run(locator(source), longer, config);
        run(locator(target), longer, config);

        assertThat(head(target).seq()).isGreaterThan(copied.seq());
        assertThat(head(target)).isEqualTo(head(source));
        assertThat(checksums(target)).isEqualTo(checksums(source));
    }

    @Test
    void refusesATargetThatIsNotAPrefixOfTheSourceNamingBoth() {
        StoreTarget.Postgres target = freshPostgres();
        run(locator(target), feed(dir, "other.csv", BARS, 8), config);
        ChainHead before = head(target);

        Outcome copy = paperplane("copy", "--from", locator(source), "--to", locator(target));

        assertThat(copy.code()).isEqualTo(UserError.FAILURE);
        assertThat(copy.err()).startsWith("paperplane: the target " + target.describe()
                        + " is not empty and not a prefix of the source " + source.describe())
                .contains("nothing was copied").hasLineCount(1);
        assertThat(head(target)).isEqualTo(before);
    }

    @Test
    void refusesATargetHoldingMoreRecordsThanTheSource() {
        StoreTarget.Directory longer = new StoreTarget.Directory(dir.resolve("longer"));
        succeeds("copy", "--from", locator(source), "--to", locator(longer));
        run(locator(longer), feed(dir, "longer.csv", BARS + 50, 7), config);

        Outcome copy = paperplane("copy", "--from", locator(source), "--to", locator(longer));

        assertThat(copy.code()).isEqualTo(UserError.FAILURE);
        assertThat(copy.err()).contains("is not empty and not a prefix of the source")
                .contains("it holds " + head(longer).seq() + " records, the source only " + head(source).seq());
    }

    @Test
    void continuesAnInterruptedCopyFromTheTargetsHead() {
        StoreTarget.Postgres target = freshPostgres();
        long prefix = head(source).seq() / 2;
        appendPrefix(source, target, prefix);

        Outcome copy = succeeds("copy", "--from", locator(source), "--to", locator(target));

        ChainHead head = head(source);
        assertThat(copy.out()).startsWith("copy: " + (head.seq() - prefix) + " records copied (" + prefix
                + " already in the target)");
        assertThat(head(target)).isEqualTo(head);
        assertThat(checksums(target)).isEqualTo(checksums(source));
    }

    @Test
    void copyingAgainFindsEverythingThereAndCopiesNothing() {
        StoreTarget.Postgres target = freshPostgres();
        succeeds("copy", "--from", locator(source), "--to", locator(target));

        Outcome again = succeeds("copy", "--from", locator(source), "--to", locator(target));

        assertThat(again.out()).startsWith("copy: 0 records copied (" + head(source).seq() + " already in the "
                + "target), 0 snapshots copied (" + snapshots(source).size() + " already there, 0 skipped)");
    }

    @Test
    void refusesATargetAnotherWriterHolds() {
        StoreTarget.Postgres target = freshPostgres();
        Outcome copy;
        try (OpenedStore.Writing running = StoreOpener.openWriter(target, FileStore.DEFAULT_SEGMENT_BYTES)) {
            copy = paperplane("copy", "--from", locator(source), "--to", locator(target));
        }

        assertThat(copy.code()).isEqualTo(UserError.FAILURE);
        assertThat(copy.err()).contains(target.describe()).contains("already open for writing").hasLineCount(1);
        assertThat(head(target)).isEqualTo(ChainHead.GENESIS);
    }

    @Test
    void refusesASourceThatDoesNotVerifyAndCreatesNothing() throws IOException {
        Path segment;
        try (Stream<Path> segments = Files.list(source.dir().resolve("audit"))) {
            segment = segments.findFirst().orElseThrow();
        }
        String text = Files.readString(segment, StandardCharsets.UTF_8);
        Files.writeString(segment, text.replaceFirst("\"AAA\"", "\"AAB\""), StandardCharsets.UTF_8);
        Path target = dir.resolve("target");

        Outcome copy = paperplane("copy", "--from", locator(source), "--to", target.toString());

        assertThat(copy.code()).isEqualTo(UserError.FAILURE);
        assertThat(copy.err()).startsWith("paperplane: the source " + source.describe() + " does not verify")
                .contains("audit log corrupt at seq").contains("nothing was copied");
        assertThat(target).doesNotExist();
    }

    @Test
    void copyingAStoreOntoItselfIsAUsageError() {
        Outcome copy = paperplane("copy", "--from", locator(source), "--to", "file:" + source.dir());

        assertThat(copy.code()).isEqualTo(UserError.USAGE);
        assertThat(copy.err()).contains("--from and --to name the same store");
    }

    @Test
    void aPasswordFileForADirectoryIsAUsageError() {
        Outcome copy = paperplane("copy", "--from", locator(source), "--to", dir.resolve("t").toString(),
                "--to-password-file", dir.resolve("pw").toString());

        assertThat(copy.code()).isEqualTo(UserError.USAGE);
        assertThat(copy.err()).contains("--to-password-file is for a PostgreSQL store");
    }

    /** Appends the first {@code count} records of {@code from} to {@code to}: what an interrupted copy leaves. */
    private static void appendPrefix(StoreTarget from, StoreTarget to, long count) {
        try (OpenedStore.Reading reading = StoreOpener.openReader(from);
             OpenedStore.Writing writing = StoreOpener.openWriter(to, FileStore.DEFAULT_SEGMENT_BYTES);
             Stream<AuditRecord> records = reading.log().readAfter(0)) {
            List<EncodedRecord> batch = new ArrayList<>();
            ChainHead head = ChainHead.GENESIS;
            for (AuditRecord record : records.limit(count).toList()) {
                EncodedRecord sealed = AuditCodec.seal(head, record.event());
                batch.add(sealed);
                head = new ChainHead(sealed.seq(), sealed.hash());
            }
            writing.appender().append(batch);
        }
    }

    private static Map<Long, String> checksums(StoreTarget store) {
        Map<Long, String> checksums = new TreeMap<>();
        for (SnapshotInfo info : snapshots(store)) {
            checksums.put(info.seq(), info.chainHash() + " " + info.checksum());
        }
        return checksums;
    }

}
