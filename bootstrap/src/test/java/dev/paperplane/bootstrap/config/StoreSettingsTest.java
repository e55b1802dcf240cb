package dev.paperplane.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import dev.paperplane.bootstrap.store.StoreTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One store locator everywhere: {@code --store DIR|file:DIR|postgresql://…}, {@code --data DIR}, passwords. */
class StoreSettingsTest {
    @TempDir
    Path dir;


    @Test
    void dataNamesADirectory() {
        assertThat(store("--data", "some/dir")).isEqualTo(new StoreTarget.Directory(Path.of("some/dir")));
    }

    @Test
    void storeNamesADirectoryPlainOrWithTheFileScheme() {
        assertThat(store("--store", "some/dir")).isEqualTo(new StoreTarget.Directory(Path.of("some/dir")));
        assertThat(store("--store", "file:some/dir")).isEqualTo(new StoreTarget.Directory(Path.of("some/dir")));
        assertThat(store("--store", "file:/abs/dir")).isEqualTo(new StoreTarget.Directory(Path.of("/abs/dir")));
    }

    @Test
    void storeNamesAPostgresSchemaWithThePasswordFromTheNamedFile() throws IOException {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        StoreTarget store = store("--store", "postgresql://writer@db.example:6543/trading?schema=pp",
                "--store-password-file", file.toString());

        assertThat(store).isInstanceOfSatisfying(StoreTarget.Postgres.class, p -> {
            assertThat(p.target().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/trading");
            assertThat(p.target().user()).isEqualTo("writer");
            assertThat(p.target().schema()).isEqualTo("pp");
            assertThat(p.target().password()).isEqualTo("from-file");
        });
        assertThat(store.describe()).isEqualTo("postgresql://writer@db.example:6543/trading?schema=pp");
        assertThat(store.toString()).doesNotContain("from-file");
    }

    @Test
    void aPostgresStoreWithoutAnyPasswordGivesTheDriverAnEmptyOneSoItLooksForNoneOfItsOwn() {
        StoreTarget store = store("--store", "postgresql://writer@db.example/trading");

        assertThat(((StoreTarget.Postgres) store).target().password()).isEmpty();
        assertThat(store.describe()).isEqualTo("postgresql://writer@db.example:5432/trading?schema=paperplane");
    }

    @Test
    void dataAndStoreTogetherAreAUsageError() {
        assertUsageError("run: give --store or --data, not both (--data DIR is the same as --store DIR)",
                "--data", "a", "--store", "b");
    }

    @Test
    void noStoreAnywhereIsAUsageErrorNamingEveryWayToGiveOneAndTheForms() {
        assertUsageError("run: no store given: name it with --store STORE (or --data DIR), with the environment "
                + "variable PAPERPLANE_STORE, or with the key paperplane.store in the --config file; write DIR, "
                + "file:DIR or postgresql://user@host:port/database?schema=name");
    }

    @Test
    void aPasswordInTheLocatorIsRefused() {
        assertThatThrownBy(() -> store("--store", "postgresql://writer:secret@db/trading"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.USAGE))
                .hasMessageContaining("run: --store: ").hasMessageContaining("it carries a password");
        assertThatThrownBy(() -> store("--store", "postgresql://writer@db/trading?password=secret"))
                .isInstanceOf(UserError.class).hasMessageContaining("it carries a password");
    }

    @Test
    void aMalformedLocatorIsAUsageErrorSayingWhy() {
        assertThatThrownBy(() -> store("--store", "postgresql://db/trading"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.USAGE))
                .hasMessageContaining("it names no user");
    }

    @Test
    void anUnknownSchemeIsAUsageError() {
        assertUsageError("run: --store 'mysql://x@y/z' names no store: write DIR, file:DIR or "
                + "postgresql://user@host:port/database?schema=name", "--store", "mysql://x@y/z");
        assertUsageError("run: --store 'file:' names no store: write DIR, file:DIR or "
                + "postgresql://user@host:port/database?schema=name", "--store", "file:");
        assertUsageError("run: --store '' names no store: write DIR, file:DIR or "
                + "postgresql://user@host:port/database?schema=name", "--store", "");
    }

    @Test
    void aPasswordFileForADirectoryIsAUsageError() {
        assertUsageError("run: --store-password-file is for a PostgreSQL store; --data names a data directory",
                "--data", "d", "--store-password-file", "pw");
        assertUsageError("run: --store-password-file is for a PostgreSQL store; --store d names a data directory",
                "--store", "d", "--store-password-file", "pw");
    }

    @Test
    void theSameStoreIsRecognisedWhateverItsSpelling() {
        StoreTarget plain = store("--store", dir.toString());
        StoreTarget scheme = store("--store", "file:" + dir.resolve("x/..").toString());
        StoreTarget postgres = store("--store", "postgresql://a@h/db?schema=s");

        assertThat(plain.sameAs(scheme)).isTrue();
        assertThat(postgres.sameAs(store("--store", "postgres://b@h:5432/db?schema=s"))).isTrue();
        assertThat(postgres.sameAs(store("--store", "postgresql://a@h/db?schema=t"))).isFalse();
        assertThat(plain.sameAs(postgres)).isFalse();
    }

    private void assertUsageError(String message, String... args) {
        assertThatThrownBy(() -> store(args))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.USAGE))
                .hasMessage(message);
    }

    private StoreTarget store(String... args) {
        Set<ConfigKey.Group> groups = EnumSet.of(ConfigKey.Group.STORE);
        Options options = Options.parse("run", List.of(args), ConfigOptions.names(groups, "feed"));
        return ConfigOptions.load(options, groups, Map.of()).store().target("run",
                Map.of("HOME", dir.resolve("home").toString()));
    }
}
