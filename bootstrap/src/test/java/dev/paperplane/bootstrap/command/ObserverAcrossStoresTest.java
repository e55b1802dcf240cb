package dev.paperplane.bootstrap.command;

import static dev.paperplane.bootstrap.command.StoreFixtures.BARS;
import static dev.paperplane.bootstrap.command.StoreFixtures.config;
import static dev.paperplane.bootstrap.command.StoreFixtures.feed;
import static dev.paperplane.bootstrap.command.StoreFixtures.freshPostgres;
import static dev.paperplane.bootstrap.command.StoreFixtures.head;
import static dev.paperplane.bootstrap.command.StoreFixtures.locator;
import static dev.paperplane.bootstrap.command.StoreFixtures.run;
import static dev.paperplane.bootstrap.command.StoreFixtures.snapshots;
import static dev.paperplane.bootstrap.command.StoreFixtures.succeeds;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observer shows the same bytes whichever store holds the log: a data directory or its copy in PostgreSQL. */
class ObserverAcrossStoresTest {

    @TempDir
    Path dir;

    @Test
    void everyObserverBodyIsByteIdenticalFromEitherStore() {
        StoreTarget.Directory files = new StoreTarget.Directory(dir.resolve("data"));
        run(locator(files), feed(dir, "feed.csv", BARS, 11), config(dir));
        StoreTarget.Postgres postgres = freshPostgres();
        succeeds("copy", "--from", locator(files), "--to", locator(postgres));

        ObserverServer fromFiles = SameAnswers.observer(locator(files));
        ObserverServer fromPostgres = SameAnswers.observer(locator(postgres));
        try {
            SameAnswers.assertEveryResource(fromFiles, fromPostgres, head(files).seq(), snapshots(files));
        } finally {
            fromFiles.stop();
            fromPostgres.stop();
        }
    }
}
