package dev.paperplane.bootstrap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.adapters.persistence.postgres.PostgresLocator;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the password of a PostgreSQL store comes from: a named file, PGPASSWORD, or a pgpass file as libpq reads it. */
class PostgresPasswordTest {
    private static final PostgresLocator LOCATOR = PostgresLocator.parse("postgresql://writer@db.example:6543/trading");

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aNamedPasswordFileWinsOverEverythingElse() throws IOException {
        Path file = file("pw", "from-file\nsecond line ignored\n", "rw-------");
        pgpass("*:*:*:*:from-pgpass\n");

        assertThat(resolve(Optional.of(file), Map.of("PGPASSWORD", "from-env"))).isEqualTo("from-file");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aNamedPasswordFileOthersCanReadIsUsedWithAWarning() throws IOException {
        Path file = file("pw", "from-file", "rw-r--r--");

        assertThat(resolve(Optional.of(file), Map.of())).isEqualTo("from-file");
        assertThat(warnings).singleElement().asString().contains("password file " + file)
                .contains("chmod 600 " + file);
    }

    @Test
    void anEmptyOrMissingNamedPasswordFileIsRefused() throws IOException {
        Path empty = file("empty", "\n", "rw-------");

        assertThatThrownBy(() -> resolve(Optional.of(empty), Map.of())).isInstanceOf(UserError.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("its first line is empty");
        assertThatThrownBy(() -> resolve(Optional.of(dir.resolve("absent")), Map.of())).isInstanceOf(UserError.class)
                .hasMessage("cannot read the password file " + dir.resolve("absent") + ": it does not exist");
    }

    @Test
    void pgpasswordIsUsedWhenNoFileIsNamed() throws IOException {
        pgpass("*:*:*:*:from-pgpass\n");

        assertThat(resolve(Optional.empty(), Map.of("PGPASSWORD", "from-env"))).isEqualTo("from-env");
    }

    @Test
    void anEmptyPgpasswordFallsBackToThePgpassFile() throws IOException {
        pgpass("*:*:*:*:from-pgpass\n");

        assertThat(resolve(Optional.empty(), Map.of("PGPASSWORD", ""))).isEqualTo("from-pgpass");
    }

    @Test
    void theFirstPgpassLineMatchingHostPortDatabaseAndUserGivesThePassword() throws IOException {
        pgpass("""
                # hostname:port:database:username:password
                other.example:6543:trading:writer:wrong-host
                db.example:5432:trading:writer:wrong-port
                db.example:6543:other:writer:wrong-database
                db.example:6543:trading:reader:wrong-user
                db.example:6543:trading:writer:right
                *:*:*:*:too-late
                """);

        assertThat(resolve(Optional.empty(), Map.of())).isEqualTo("right");
    }

    @Test
    void anAsteriskMatchesAnyValue() throws IOException {
        pgpass("*:6543:*:writer:wild\n");

        assertThat(resolve(Optional.empty(), Map.of())).isEqualTo("wild");
    }

    @Test
    void escapedColonsAndBackslashesAreLiteralInEveryField() {
        List<String> wanted = List.of("h", "5432", "d:b", "u\\x");

        assertThat(PostgresPassword.match("h:5432:d\\:b:u\\\\x:pa\\:ss\\\\word", wanted)).contains("pa:ss\\word");
        assertThat(PostgresPassword.match("h:5432:d:b:u\\\\x:pw", wanted)).isEmpty();
        assertThat(PostgresPassword.match("h:5432:d\\:b", wanted)).isEmpty();
    }

    @Test
    void pgpassfileNamesThePasswordFile() throws IOException {
        Path file = file("elsewhere", "*:*:*:*:from-pgpassfile\n", "rw-------");
        pgpass("*:*:*:*:from-home\n");

        assertThat(resolve(Optional.empty(), Map.of("PGPASSFILE", file.toString()))).isEqualTo("from-pgpassfile");
    }

    @Test
    void homeLocatesThePgpassFileBeforeTheUserHome() throws IOException {
        Path home = Files.createDirectory(dir.resolve("other-home"));
        file("other-home/.pgpass", "*:*:*:*:from-HOME\n", "rw-------");
        pgpass("*:*:*:*:from-user-home\n");

        assertThat(resolve(Optional.empty(), Map.of("HOME", home.toString()))).isEqualTo("from-HOME");
    }

    @Test
    void aPgpassFileWithGroupOrWorldAccessIsIgnoredWithAWarning() throws IOException {
        Path pgpass = pgpass("*:*:*:*:exposed\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(resolve(Optional.empty(), Map.of())).isNull();
        assertThat(warnings).containsExactly("password file " + pgpass + " has group or world access and is "
                + "ignored; permissions should be u=rw (0600) or less: chmod 600 " + pgpass);
    }

    @Test
    void noPasswordAnywhereIsNoPassword() {
        assertThat(resolve(Optional.empty(), Map.of())).isNull();
        assertThat(warnings).isEmpty();
    }

    @Test
    void anIpv6HostMatchesWithoutItsBrackets() throws IOException {
        pgpass("::1:5432:trading:writer:v6\n".replace("::1", "\\:\\:1"));

        String password = PostgresPassword.resolve(PostgresLocator.parse("postgresql://writer@[::1]/trading"),
                Optional.empty(), new PostgresPassword.Sources(Map.of(), dir), warnings::add);

        assertThat(password).isEqualTo("v6");
    }

    @Test
    void withSeveralHostsTheFirstHostWithAMatchingLineGivesThePassword() throws IOException {
        pgpass("""
                replica:5433:trading:observer:of-the-replica
                primary:5432:trading:observer:of-the-primary
                """);
        PostgresLocator both = PostgresLocator.parse(
                "postgresql://observer@primary:5432,replica:5433/trading?targetServerType=preferSecondary");
        PostgresLocator replicaFirst = PostgresLocator.parse("postgresql://observer@replica:5433,primary/trading");

        assertThat(PostgresPassword.resolve(both, Optional.empty(), new PostgresPassword.Sources(Map.of(), dir),
                warnings::add)).isEqualTo("of-the-primary");
        assertThat(PostgresPassword.resolve(replicaFirst, Optional.empty(), new PostgresPassword.Sources(Map.of(),
                dir), warnings::add)).isEqualTo("of-the-replica");
    }

    private String resolve(Optional<Path> file, Map<String, String> environment) {
        return PostgresPassword.resolve(LOCATOR, file, new PostgresPassword.Sources(environment, dir), warnings::add);
    }

    /** Writes {@code ~/.pgpass} (the test's home is {@link #dir}), readable by its owner only. */
    private Path pgpass(String content) throws IOException {
        return file(".pgpass", content, "rw-------");
    }

    private Path file(String name, String content, String permissions) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
