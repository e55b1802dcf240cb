package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.application.contract.InMemoryStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS through Helidon's TLS from PEM files; the TLS port serves no plain HTTP. */
class ObserverTlsTest {
    private static final String TOKEN = "tls-token-0123456789abcdef";
    @TempDir
    static Path dir;
    private static SelfSignedCertificate certificate;
    private static ObserverServer server;
    private static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedCertificate.create(dir);
        InMemoryStore store = Logs.session(5);
        server = ObserverServer.start(ObserverSettings.defaults("tls").withPort(0).withToken(BearerToken.of(TOKEN))
                .withTls(new TlsFiles(certificate.certificate(), certificate.privateKey())), store, store);
        https = HttpClient.newBuilder().sslContext(certificate.trustingContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void servesHttpsWithTheGivenCertificate() throws Exception {
        HttpResponse<String> response = https.send(request("/observer/v1/runtime")
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(certificate.issued());
        assertThat(Client.parse(response.body()).getJsonObject("observer").getString("version")).isEqualTo("tls");
    }

    @Test
    void theTokenIsStillRequiredOverHttps() throws Exception {
        assertThat(https.send(request("/observer/v1/runtime").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void plainHttpIsNotServedOnTheTlsPort() {
        assertThatThrownBy(() -> new Client(server.port()).get("/observe/health/live"))
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotConnect() {
        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        assertThatThrownBy(() -> untrusting.send(request("/observe/health/live").build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void aMissingKeyFileRefusesTheStart() {
        TlsFiles files = new TlsFiles(certificate.certificate(), dir.resolve("absent-key.pem"));
        InMemoryStore store = new InMemoryStore();

        assertThatThrownBy(() -> ObserverServer.start(ObserverSettings.defaults("t").withPort(0).withTls(files),
                store, store)).isInstanceOf(ObserverRefusedException.class)
                .hasMessageContaining("absent-key.pem").hasMessageContaining("does not exist");
    }

    @Test
    void aKeyFileWithoutAKeyRefusesTheStart() throws IOException {
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello\n");
        TlsFiles files = new TlsFiles(certificate.certificate(), notAKey);
        InMemoryStore store = new InMemoryStore();

        assertThatThrownBy(() -> ObserverServer.start(ObserverSettings.defaults("t").withPort(0).withTls(files),
                store, store)).isInstanceOf(ObserverRefusedException.class)
                .hasMessageContaining("not-a-key.pem").hasMessageContaining("PRIVATE KEY");
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path)).GET();
    }
}
