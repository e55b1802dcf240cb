package dev.paperplane.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.adapters.persistence.postgres.PostgresLocator;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.config.ConfigRequest.Flag;
import dev.paperplane.bootstrap.config.PaperplaneConfig.Setting;
import dev.paperplane.bootstrap.config.StoreSettings.Configured;
import dev.paperplane.bootstrap.store.StoreLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration layers, their precedence, and the errors a bad key or value gives. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheFileWhichWinsOverTheDefault() throws IOException {
        Path file = yaml("""
                paperplane:
                  fees:
                    fee-bps: 11
                    slippage-bps: 6
                  snapshot-every: 7
                """);
        PaperplaneConfig config = load(file, Map.of("PAPERPLANE_FEES_FEE_BPS", "12", "PAPERPLANE_FEES_SLIPPAGE_BPS", "8"),
                Map.of(ConfigKey.FEE_BPS, "13"));

        assertThat(config.runtime().fees().feeBps()).isEqualTo(13);
        assertThat(config.runtime().fees().slippageBps()).isEqualTo(8);
        assertThat(config.snapshotEvery()).isEqualTo(7);
        assertThat(config.segmentBytes()).isEqualTo(67_108_864);
        assertThat(origin(config, "paperplane.fees.fee-bps")).isEqualTo("flag --fee-bps");
        assertThat(origin(config, "paperplane.fees.slippage-bps")).isEqualTo("environment variable PAPERPLANE_FEES_SLIPPAGE_BPS");
        assertThat(origin(config, "paperplane.snapshot-every")).isEqualTo(file + " line 5");
        assertThat(origin(config, "paperplane.segment-bytes")).isEqualTo("the bundled default");
    }

    @Test
    void aFileWithStrategiesReplacesTheBundledListAsAWhole() throws IOException {
        Path file = yaml("""
                paperplane:
                  strategies:
                    - id: "only"
                      kind: "ma-crossover"
                      version: 1
                      params: { fast: "3", slow: "9", quantity: "1" }
                """);

        assertThat(load(file, Map.of(), Map.of()).runtime().strategies()).singleElement()
                .satisfies(s -> assertThat(s.id()).isEqualTo("only"));
    }

    @Test
    void anUnknownKeyInTheFileNamesTheKeyTheFileAndTheLine() throws IOException {
        Path file = yaml("""
                paperplane:
                  risk:
                    max-positon: "3"
                """);

        assertThatThrownBy(() -> load(file, Map.of(), Map.of())).isInstanceOf(UserError.class)
                .hasMessageContaining("unknown key 'paperplane.risk.max-positon'")
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("docs/configuration.md");
    }

    @Test
    void aBadValueNamesTheKeyItsOriginAndWhatIsAllowed() throws IOException {
        Path file = yaml("""
                paperplane:
                  observer:
                    port: 70000
                """);

        assertThatThrownBy(() -> load(file, Map.of(), Map.of())).isInstanceOf(UserError.class)
                .hasMessage("configuration: key 'paperplane.observer.port' (" + file + " line 3): 70000 is out of range;"
                        + " allowed: 0–65535");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> load(null, Map.of("PAPERPLANE_RISK_MAX_SHORT", "-1"), Map.of()))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("'paperplane.risk.max-short' (environment variable PAPERPLANE_RISK_MAX_SHORT)")
                .hasMessageContaining("allowed: decimal ≥ 0");
    }

    @Test
    void aBadFlagNamesTheFlag() {
        assertThatThrownBy(() -> load(null, Map.of(), Map.of(ConfigKey.SNAPSHOT_EVERY, "often")))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("'paperplane.snapshot-every' (flag --snapshot-every): 'often' is not a whole number");
    }

    @Test
    void anUnknownPaperplaneVariableStopsTheStartButTestVariablesAndOthersAreIgnored() {
        assertThatThrownBy(() -> load(null, Map.of("PAPERPLANE_OBSERVER_PROT", "1"), Map.of()))
                .isInstanceOf(UserError.class).hasMessageContaining("PAPERPLANE_OBSERVER_PROT is not a paperplane setting");
        assertThat(load(null, Map.of("PAPERPLANE_TEST_POSTGRES_URL", "x", "HOME", "/root"), Map.of()).observer().port())
                .isEqualTo(8080);
    }

    @Test
    void anExecutionPlaneOtherThanPaperIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> load(null, Map.of(), Map.of(ConfigKey.EXECUTION_PLANE, "LIVE")))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("'paperplane.execution-plane' (flag --execution-plane)")
                .hasMessageContaining("PAPER only");
    }

    @Test
    void aBadStrategyNamesItsListEntryAndLine() throws IOException {
        Path file = yaml("""
                paperplane:
                  strategies:
                    - id: "a"
                      kind: "no-such-kind"
                      version: 1
                """);

        assertThatThrownBy(() -> load(file, Map.of(), Map.of())).isInstanceOf(UserError.class)
                .hasMessageContaining("key 'paperplane.strategies.0' (" + file + " line 3)");
    }

    @Test
    void aMissingFileSaysWhichAndWhatToCheck() {
        Path absent = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> load(absent, Map.of(), Map.of())).isInstanceOf(UserError.class)
                .hasMessageContaining(absent.toString()).hasMessageContaining("--config");
    }

    @Test
    void observerFilesAreAbsentUnlessSet() {
        PaperplaneConfig config = load(null, Map.of("PAPERPLANE_OBSERVER_TOKEN_FILE", "/etc/t"), Map.of());

        assertThat(config.observer().tokenFile()).contains(Path.of("/etc/t"));
        assertThat(config.observer().tlsCert()).isEmpty();
    }

    @Test
    void theStoreAndItsPasswordFileAreNoneUnlessSet() {
        PaperplaneConfig config = load(null, Map.of(), Map.of());

        assertThat(config.store()).isEqualTo(StoreSettings.none());
        assertThat(origin(config, "paperplane.store")).isEqualTo("not set");
    }

    @Test
    void theStoreComesFromTheFileWithItsLineUnlessAVariableOrAFlagNamesIt() throws IOException {
        Path file = yaml("""
                paperplane:
                  store: "postgresql://writer@db:5432/trading?schema=pp"
                  store-password-file: /etc/paperplane/pw
                """);

        PaperplaneConfig fromFile = load(file, Map.of(), Map.of());
        PaperplaneConfig fromEnv = load(file, Map.of("PAPERPLANE_STORE", "/var/lib/pp"), Map.of());
        PaperplaneConfig fromFlag = load(file, Map.of("PAPERPLANE_STORE", "/var/lib/pp"), Map.of(ConfigKey.STORE, "d"));

        assertThat(fromFile.store().locator()).contains(new Configured<>(ConfigKey.STORE,
                "postgresql://writer@db:5432/trading?schema=pp", new StoreLocator.Postgres(new PostgresLocator("writer",
                "db", 5432, "trading", "pp")), file + " line 2", Layer.FILE));
        assertThat(fromFile.store().passwordFile()).contains(new Configured<>(ConfigKey.STORE_PASSWORD_FILE,
                "/etc/paperplane/pw", Path.of("/etc/paperplane/pw"), file + " line 3", Layer.FILE));
        assertThat(fromEnv.store().locator()).contains(new Configured<>(ConfigKey.STORE, "/var/lib/pp",
                new StoreLocator.Directory(Path.of("/var/lib/pp")), "environment variable PAPERPLANE_STORE",
                Layer.ENVIRONMENT));
        assertThat(fromFlag.store().locator()).contains(new Configured<>(ConfigKey.STORE, "d",
                new StoreLocator.Directory(Path.of("d")), "flag --store", Layer.FLAG));
    }

    @Test
    void aStoreLocatorCarryingAPasswordIsRefusedNamingTheKeyAndLineAndMaskingIt() throws IOException {
        Path file = yaml("""
                paperplane:
                  snapshot-every: 5
                  store: "postgresql://writer@db/trading?password=hunter2"
                """);

        assertThatThrownBy(() -> load(file, Map.of(), Map.of())).isInstanceOf(UserError.class)
                .hasMessageStartingWith("configuration: key 'paperplane.store' (" + file + " line 3): ")
                .hasMessageContaining("it carries a password").hasMessageContaining("password=******")
                .hasMessageContaining("put it alone in a file named by paperplane.store-password-file")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMalformedPostgresLocatorSaysWhatIsWrongAndWhere() {
        assertThatThrownBy(() -> load(null, Map.of("PAPERPLANE_STORE", "postgresql://db/trading"), Map.of()))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("configuration: key 'paperplane.store' (environment variable PAPERPLANE_STORE)")
                .hasMessageContaining("it names no user");
    }

    @Test
    void aBadStoreFlagIsAUsageErrorOfTheCommandNamingTheFlagWhateverTheLowerLayersHold() {
        assertThatThrownBy(() -> load(null, Map.of("PAPERPLANE_STORE", "/var/lib/pp"),
                Map.of(ConfigKey.STORE, "mysql://x@y/z")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.USAGE))
                .hasMessage("run: --store 'mysql://x@y/z' names no store: write DIR, file:DIR or "
                        + "postgresql://user@host:port/database?schema=name");
    }

    @Test
    void aStoreFlagHidesABadLocatorInALowerLayer() {
        PaperplaneConfig config = load(null, Map.of("PAPERPLANE_STORE", "mysql://x@y/z"), Map.of(ConfigKey.STORE, "d"));

        assertThat(config.store().locator()).map(Configured::value).contains(new StoreLocator.Directory(Path.of("d")));
    }

    private PaperplaneConfig load(Path file, Map<String, String> env, Map<ConfigKey, String> flags) {
        SortedMap<ConfigKey, Flag> given = new TreeMap<>();
        flags.forEach((key, value) -> given.put(key, Flag.of(key, value)));
        return ConfigLoader.load(new ConfigRequest("run", Optional.ofNullable(file), env, given));
    }

    private static String origin(PaperplaneConfig config, String key) {
        return config.settings().stream().filter(s -> s.key().equals(key)).map(Setting::origin).findFirst().orElseThrow();
    }

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("paperplane.yaml"), text);
    }
}
