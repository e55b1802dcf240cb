package dev.paperplane.adapters.persistence.postgres.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A throwaway primary streams to a real hot standby, which replays what the primary commits and can be promoted. */
class StandbyClusterTest {

    private ThrowawayCluster primary;
    private ThrowawayCluster standby;

    @BeforeEach
    void startPrimaryAndStandby() {
        assumeTrue(ThrowawayCluster.unavailable().isEmpty() || "true".equals(System.getenv("CI")),
                () -> "no throwaway cluster here: " + ThrowawayCluster.unavailable().orElseThrow());
        primary = ThrowawayCluster.start(false, null);
        standby = primary.startStandby();
    }

    @AfterEach
    void stopBoth() {
        if (standby != null) {
            standby.stop();
        }
        if (primary != null) {
            primary.stop();
        }
    }

    @Test
    void theStandbyIsInRecoveryOnItsOwnPortAndRefusesWrites() {
        assertThat(standby.port()).isNotEqualTo(primary.port());
        assertThat(standby.query("SELECT pg_is_in_recovery()")).isEqualTo("t");
        assertThat(primary.query("SELECT pg_is_in_recovery()")).isEqualTo("f");
        assertThatThrownBy(() -> standby.query("CREATE TABLE refused (x int)"))
                .hasMessageContaining("read-only transaction");
    }

    @Test
    void whatThePrimaryCommitsIsOnTheStandbyOnceReplayCaughtUp() {
        primary.query("CREATE TABLE counted AS SELECT generate_series(1, 1000) AS n");
        standby.awaitReplayOf(primary);
        assertThat(standby.query("SELECT sum(n) FROM counted")).isEqualTo("500500");
        primary.query("INSERT INTO counted SELECT 1001 RETURNING n");
        standby.awaitReplayOf(primary);
        assertThat(standby.query("SELECT count(*) FROM counted")).isEqualTo("1001");
    }

    @Test
    void aPromotedStandbyKeepsWhatItReplayedAndAcceptsWrites() {
        primary.query("CREATE TABLE kept AS SELECT 7 AS n");
        standby.awaitReplayOf(primary);
        primary.stop();
        standby.promote();
        assertThat(standby.query("SELECT pg_is_in_recovery()")).isEqualTo("f");
        assertThat(standby.query("INSERT INTO kept VALUES (8) RETURNING n")).isEqualTo("8");
        assertThat(standby.query("SELECT sum(n) FROM kept")).isEqualTo("15");
    }
}
