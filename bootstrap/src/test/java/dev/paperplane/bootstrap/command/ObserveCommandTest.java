package dev.paperplane.bootstrap.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperplane.adapters.observer.ObserverServer;
import dev.paperplane.bootstrap.LogRecords;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperplane observe}: its access options, checked before anything listens. */
class ObserveCommandTest {
    private static final String TOKEN = "command-token-0123456789abcdef";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void refusesToListenOffLoopbackWithoutATokenFileAndSaysHow() {
        assertThatThrownBy(() -> open("--data", dir.toString(), "--host", "0.0.0.0", "--port", "0"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.FAILURE))
                .hasMessageContaining("refusing to listen on 0.0.0.0 without a token")
                .hasMessageContaining("--token-file FILE");
    }

    @Test
    void servesWithATokenFileAndRefusesRequestsWithoutTheToken() throws Exception {
        Path token = tokenFile(TOKEN + "\n", "rw-------");
        LogRecords log = LogRecords.of("paperplane");
        ObserverServer server = open("--data", dir.toString(), "--port", "0", "--token-file", token.toString());
        try (log) {
            assertThat(get(server, "/observer/v1/runtime", null).statusCode()).isEqualTo(401);
            assertThat(get(server, "/observer/v1/runtime", TOKEN).statusCode()).isEqualTo(200);
            assertThat(text(out)).contains("listening on http://127.0.0.1:" + server.port()).contains("bearer token")
                    .doesNotContain(TOKEN);
            assertThat(log.lines()).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void warnsWhenTheTokenFileIsReadableByOthers() {
        Path token = tokenFile(TOKEN, "rw-r--r--");
        LogRecords log = LogRecords.of("paperplane");
        ObserverServer server = open("--data", dir.toString(), "--port", "0", "--token-file", token.toString());
        try (log) {
            assertThat(log.lines()).singleElement().asString()
                    .startsWith("WARNING paperplane.observer: token file " + token)
                    .contains("chmod 600").doesNotContain(TOKEN);
        } finally {
            server.stop();
        }
    }

    @Test
    void refusesAnEmptyTokenFile() {
        Path token = tokenFile("", "rw-------");

        assertThatThrownBy(() -> open("--data", dir.toString(), "--port", "0", "--token-file", token.toString()))
                .isInstanceOf(UserError.class).hasMessageContaining(token.toString()).hasMessageContaining("empty");
    }

    @Test
    void aCertificateWithoutAKeyIsAUsageError() {
        assertThatThrownBy(() -> open("--data", dir.toString(), "--port", "0", "--tls-cert", "cert.pem"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.USAGE))
                .hasMessageContaining("--tls-cert and --tls-key go together");
    }

    @Test
    void anUnreadableCertificateRefusesTheStart() {
        assertThatThrownBy(() -> open("--data", dir.toString(), "--port", "0", "--tls-cert",
                dir.resolve("absent.pem").toString(), "--tls-key", dir.resolve("absent.key").toString()))
                .isInstanceOf(UserError.class).hasMessageContaining("absent.pem").hasMessageContaining("does not exist");
    }

    @Test
    void theConnectionFlagsLimitTheObserver() throws Exception {
        ObserverServer server = open("--data", dir.toString(), "--port", "0", "--max-connections", "1",
                "--idle-timeout", "60", "--header-timeout", "1");
        // Each accepted socket is handed to the guard on a thread of its own, so either of the two may be the one
        // admitted: one is answered 503 at once, the other, silent, is closed after --header-timeout.
        try (Socket first = new Socket("127.0.0.1", server.port());
             Socket second = new Socket("127.0.0.1", server.port())) {
            first.setSoTimeout(20_000);
            second.setSoTimeout(20_000);
            List<String> answers = List.of(
                    new String(first.getInputStream().readAllBytes(), StandardCharsets.US_ASCII),
                    new String(second.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));

            assertThat(answers).as("the connection beyond --max-connections 1")
                    .filteredOn(a -> a.startsWith("HTTP/1.1 503 ") && a.contains("too-many-connections")).hasSize(1);
            assertThat(answers).as("a silent connection, closed after --header-timeout without a byte")
                    .filteredOn(String::isEmpty).hasSize(1);
        } finally {
            server.stop();
        }
    }

    @Test
    void aConnectionLimitOutOfRangeIsRefusedNamingTheKeyAndItsRange() {
        assertThatThrownBy(() -> open("--data", dir.toString(), "--port", "0", "--header-timeout", "0"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(UserError.FAILURE))
                .hasMessageContaining("header-timeout").hasMessageContaining("1–600");
    }

    @Test
    void helpNamesTheAccessOptions() {
        int code = new ObserveCommand().run(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(text(out)).contains("--token-file FILE", "--tls-cert FILE", "--tls-key FILE", "/observe/metrics",
                "--max-connections N", "--idle-timeout SECONDS", "--header-timeout SECONDS");
    }

    private ObserverServer open(String... args) {
        return ObserveCommand.open(new ArrayList<>(List.of(args)), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private Path tokenFile(String content, String permissions) {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        try {
            Path file = Files.writeString(dir.resolve("token"), content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(ObserverServer server, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
