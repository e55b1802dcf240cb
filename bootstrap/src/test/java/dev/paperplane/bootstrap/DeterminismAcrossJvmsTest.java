package dev.paperplane.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing paperplane writes or prints depends on the JVM's default locale, time zone or charset: {@code verify}
 * and {@code run} in child JVMs set up for other parts of the world agree with this JVM byte for byte.
 */
class DeterminismAcrossJvmsTest {
    private static final Map<String, List<String>> ELSEWHERE = Map.of(
            "de-DE, Europe/Berlin", List.of("-Duser.language=de", "-Duser.country=DE", "-Duser.timezone=Europe/Berlin"),
            "th-TH, Asia/Bangkok", List.of("-Duser.language=th", "-Duser.country=TH", "-Duser.variant=TH",
                    "-Duser.timezone=Asia/Bangkok"),
            "ar-SA, America/Los_Angeles, ISO-8859-1", List.of("-Duser.language=ar", "-Duser.country=SA",
                    "-Duser.timezone=America/Los_Angeles", "-Dfile.encoding=ISO-8859-1"));

    @TempDir
    static Path dir;

    private static Path feed;
    private static Path config;
    private static Path reference;
    private static Cli.Result referenceRun;
    private static Cli.Result referenceVerify;

    @BeforeAll
    static void referenceInThisJvm() {
        feed = Fixtures.feed(dir.resolve("feed.csv"), 150, "AAA,BBB,CCC", 9);
        config = Fixtures.config(dir.resolve("config.yaml"), "snapshot-every: 10000", "snapshot-every: 120");
        reference = dir.resolve("reference");
        referenceRun = Cli.ok("run", "--data", reference, "--feed", feed, "--config", config);
        referenceVerify = Cli.ok("verify", "--data", reference);
        assertThat(referenceVerify.out()).contains("state digest ");
    }

    @Test
    void verifyPrintsTheSameStateDigestInJvmsWithOtherLocalesAndTimeZones() throws Exception {
        SortedMap<String, String> outputs = new TreeMap<>();
        for (Map.Entry<String, List<String>> place : ELSEWHERE.entrySet()) {
            Cli.Result verified = ChildJvm.run(dir.resolve("logs"), place.getValue(), "verify", "--data", reference);
            assertThat(verified.exitCode()).as("%s: %s", place.getKey(), verified).isZero();
            outputs.put(place.getKey(), verified.out());
        }

        assertThat(outputs).hasSize(ELSEWHERE.size()).allSatisfy((place, out) ->
                assertThat(out).as(place).isEqualTo(referenceVerify.out()));
    }

    @Test
    void runWritesByteIdenticalLogsInJvmsWithOtherLocalesAndTimeZones() throws Exception {
        SortedMap<String, String> referenceFiles = stored(reference);
        for (String place : List.of("th-TH, Asia/Bangkok", "ar-SA, America/Los_Angeles, ISO-8859-1")) {
            Path data = dir.resolve("run in " + place.substring(0, 5));

            Cli.Result run = ChildJvm.run(dir.resolve("logs"), ELSEWHERE.get(place), "run", "--data", data, "--feed", feed,
                    "--config", config);

            assertThat(run.exitCode()).as("%s: %s", place, run).isZero();
            assertThat(run.out()).as(place).isEqualTo(referenceRun.out());
            assertThat(stored(data)).as(place).isEqualTo(referenceFiles);
        }
    }

    /** The checksums of the audit segments and snapshots (the lock file holds the writer's pid). */
    private static SortedMap<String, String> stored(Path data) {
        SortedMap<String, String> sums = DataDirs.checksums(data);
        sums.keySet().removeIf(name -> !name.startsWith("audit/") && !name.startsWith("snapshots/"));
        assertThat(sums).isNotEmpty();
        return sums;
    }
}
