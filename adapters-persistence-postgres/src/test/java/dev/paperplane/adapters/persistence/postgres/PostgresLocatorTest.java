package dev.paperplane.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresLocatorTest {

    @Test
    void aFullLocatorNamesUserHostPortDatabaseAndSchema() {
        PostgresLocator locator = PostgresLocator.parse("postgresql://trader@db.example:6543/books?schema=desk_1");
        assertThat(locator).isEqualTo(new PostgresLocator("trader", "db.example", 6543, "books", "desk_1"));
        assertThat(locator.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/books");
    }

    @Test
    void portAndSchemaHaveDefaults() {
        PostgresLocator locator = PostgresLocator.parse("postgres://trader@localhost/books");
        assertThat(locator.hosts()).containsExactly(new PostgresLocator.Host("localhost", 5432));
        assertThat(locator.targetServerType()).isEqualTo("any");
        assertThat(locator.schema()).isEqualTo("paperplane");
        assertThat(locator).hasToString("postgresql://trader@localhost:5432/books?schema=paperplane");
    }

    @Test
    void anIpv6HostKeepsItsBrackets() {
        PostgresLocator locator = PostgresLocator.parse("postgresql://trader@[::1]:5433/books");
        assertThat(locator.hosts()).containsExactly(new PostgresLocator.Host("[::1]", 5433));
        assertThat(locator.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/books");
    }

    @Test
    void severalHostsAreTriedInOrderAndTheServerTypeGoesToTheDriver() {
        PostgresLocator locator = PostgresLocator.parse(
                "postgresql://observer@h1:5432,[::1],h3:5433/books?targetServerType=preferSecondary&schema=s1");
        assertThat(locator.hosts()).containsExactly(new PostgresLocator.Host("h1", 5432),
                new PostgresLocator.Host("[::1]", 5432), new PostgresLocator.Host("h3", 5433));
        assertThat(locator.targetServerType()).isEqualTo("preferSecondary");
        assertThat(locator.schema()).isEqualTo("s1");
        assertThat(locator.jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,[::1]:5432,h3:5433/books?targetServerType=preferSecondary");
        assertThat(locator).hasToString(
                "postgresql://observer@h1:5432,[::1]:5432,h3:5433/books?schema=s1&targetServerType=preferSecondary");
        assertThat(PostgresLocator.parse(locator.toString())).isEqualTo(locator);
    }

    @Test
    void theLocationOfASeveralHostTargetNamesEveryHostAndNoPassword() {
        PostgresTarget target = PostgresLocator.parse("postgresql://u@h1:5432,h2:5433/books?targetServerType=primary")
                .target("hunter2");
        assertThat(target.location()).isEqualTo("postgresql://u@h1:5432,h2:5433/books?schema=paperplane");
    }

    @Test
    void percentEscapesInUserAndDatabaseAreDecoded() {
        PostgresLocator locator = PostgresLocator.parse("postgresql://ops%40desk@h/my%20books");
        assertThat(locator.user()).isEqualTo("ops@desk");
        assertThat(locator.database()).isEqualTo("my books");
        assertThat(PostgresLocator.parse(locator.toString())).isEqualTo(locator);
    }

    @Test
    void theTargetCarriesThePasswordButItsLocationDoesNot() {
        PostgresTarget target = PostgresLocator.parse("postgresql://trader@h:5432/books?schema=s1").target("hunter2");
        assertThat(target.password()).isEqualTo("hunter2");
        assertThat(target.location()).isEqualTo("postgresql://trader@h:5432/books?schema=s1");
        assertThat(target.toString()).doesNotContain("hunter2");
    }

    @Test
    void aPasswordInTheLocatorIsRefused() {
        assertThatThrownBy(() -> PostgresLocator.parse("postgresql://trader:hunter2@h/books"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PGPASSWORD");
        assertThatThrownBy(() -> PostgresLocator.parse("postgresql://trader@h/books?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PGPASSWORD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "file:/data | postgresql://",
            "postgresql://h/books | no user",
            "postgresql://trader@h | no database",
            "postgresql://trader@h/ | no database",
            "postgresql://trader@:5432/books | no host",
            "postgresql://trader@h:99999/books | port",
            "postgresql://trader@h:x/books | port",
            "postgresql://trader@a,,b/books | empty one between commas",
            "postgresql://trader@a:x,b/books | port",
            "postgresql://trader@a,b/books?targetServerType=slave | none of any, primary, secondary",
            "postgresql://trader@a/books?schema=a&schema=b | each once",
            "postgresql://trader@h/books?schema=Bad-Name | schema",
            "postgresql://trader@h/books?sslmode=require | sslmode=require",
            "postgresql://trader@h/bo%zzks | hex digits"})
    void aMalformedLocatorIsRefusedSayingWhy(String text, String reason) {
        assertThatThrownBy(() -> PostgresLocator.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("postgresql://user@host:port/database?schema=name");
    }

    @Test
    void theLocationOfAJdbcTargetDropsUrlParametersThatCouldHoldAPassword() {
        PostgresTarget target = new PostgresTarget("jdbc:postgresql://h:5432/books?password=hunter2", "trader",
                null);
        assertThat(target.location()).isEqualTo("postgresql://trader@h:5432/books?schema=paperplane");
    }

    @Test
    void aTargetRefusesASchemaNameThatWouldNeedQuoting() {
        assertThatThrownBy(() -> new PostgresTarget("jdbc:postgresql://h/db", "u", null, "a\"; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PostgresTarget("jdbc:postgresql://h/db", "u", null, "pg_catalog"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
