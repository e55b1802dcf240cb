package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.contract.InMemoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses the observer serves without a token, and its refusal to serve others without one. */
class ObserverExposureTest {
    private final InMemoryStore store = Logs.session(3);

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.10", "::", "2001:db8::1"})
    void startIsRefusedOffLoopbackWithoutAToken(String host) {
        ObserverSettings settings = ObserverSettings.defaults("t").withPort(0).withHost(host);

        assertThatThrownBy(() -> ObserverServer.start(settings, store, store))
                .isInstanceOf(ObserverRefusedException.class)
                .hasMessageContaining("refusing to listen on " + host + " without a token")
                .hasMessageContaining("loopback")
                .hasMessageContaining("--token-file FILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "localhost"})
    void loopbackAddressesNeedNoToken(String host) {
        assertThat(ObserverServer.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "::", "128.0.0.1"})
    void otherAddressesAreNotLoopback(String host) {
        assertThat(ObserverServer.isLoopback(host)).isFalse();
    }

    @Test
    void loopbackServesWithoutCredentialsWhenNoTokenIsSet() {
        try (ObserverServer server = ObserverServer.start(ObserverSettings.defaults("t").withPort(0), store, store)) {
            assertThat(new Client(server.port()).get("/observer/v1/runtime").statusCode()).isEqualTo(200);
            assertThat(new Client(server.port()).get("/observe/health/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void settingsNeverPrintTheToken() {
        ObserverSettings settings = ObserverSettings.defaults("t").withToken(BearerToken.of("abcdefghijklmnop-secret"));

        assertThat(settings.toString()).doesNotContain("abcdefghijklmnop-secret");
    }
}
