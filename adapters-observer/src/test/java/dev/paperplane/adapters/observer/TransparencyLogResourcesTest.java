package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperplane.application.audit.StoredLine;
import dev.paperplane.application.contract.InMemoryStore;
import dev.paperplane.application.tlog.Checkpoint;
import dev.paperplane.application.tlog.Merkle;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.application.tlog.ProofVerifier;
import dev.paperplane.application.tlog.SignedNote;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit log served as a transparency log: C2SP tlog-tiles and RFC 9162 proofs, checked as a client would. */
class TransparencyLogResourcesTest {
    private static final String LOG = "/observer/v1/log";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final NoteKeys.Generated KEY = NoteKeys.generate("example.org/paperplane", new SecureRandom().generateSeed(32));

    private static InMemoryStore store;
    private static List<byte[]> entries;

    @BeforeAll
    static void log() {
        store = Logs.session(260);
        entries = new ArrayList<>();
        try (var lines = store.linesAfter(0)) {
            lines.map(StoredLine::bytes).forEach(entries::add);
        }
        assertThat(entries.size()).as("the log spans more than one full tile").isGreaterThan(300);
    }

    private static ObserverServer start(boolean signed) {
        LogSigning signing = new LogSigning(Optional.empty(),
                signed ? Optional.of(NoteKeys.parseSigner(KEY.signerKey())) : Optional.empty());
        return ObserverServer.start(new ObserverSettings("127.0.0.1", 0, ObserverSettings.DEFAULT_MAX_RESPONSE_BYTES,
                "test"), store, new StoredSnapshots(), signing);
    }

    @Test
    void theSignedCheckpointNamesTheTreeOfEveryRecordAndVerifiesWithTheVerifierKey() {
        try (ObserverServer server = start(true)) {
            HttpResponse<byte[]> response = get(server, "GET", LOG + "/checkpoint");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            String note = new String(response.body(), StandardCharsets.UTF_8);
            Checkpoint checkpoint = Checkpoint.parse(SignedNote.open(note, NoteKeys.parseVerifier(KEY.verifierKey())));
            assertThat(checkpoint.size()).isEqualTo(entries.size());
            assertThat(checkpoint.root()).isEqualTo(rootOf(entries));
            assertThat(checkpoint.origin()).isEqualTo("paperplane/" + store.read(1).orElseThrow().hash().substring(0, 32));
            // PRIVATE+KEY+name+hash+base64: the key's base64 may itself hold a '+', so split on the first four only
            assertThat(note).doesNotContain(KEY.signerKey().split("\\+", 5)[4]);
        }
    }

    @Test
    void withoutASigningKeyTheCheckpointIs404SayingHowToConfigureOneAndTilesStillServe() {
        try (ObserverServer server = start(false)) {
            HttpResponse<byte[]> checkpoint = get(server, "GET", LOG + "/checkpoint");
            assertThat(checkpoint.statusCode()).isEqualTo(404);
            assertThat(new String(checkpoint.body(), StandardCharsets.UTF_8)).contains("--signing-key", "keygen");
            assertThat(get(server, "GET", LOG + "/tile/0/000").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void entryBundlesHoldTheStoredLinesEachAfterItsLengthAndHashTilesTheirLeafAndLevel8Hashes() {
        try (ObserverServer server = start(false)) {
            int n = entries.size();
            List<byte[]> fetched = new ArrayList<>(bundle(get(server, "GET", LOG + "/tile/entries/000").body()));
            fetched.addAll(bundle(get(server, "GET", LOG + "/tile/entries/001.p/" + (n - 256)).body()));
            assertThat(fetched).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(fetched.get(i)).as("entry %d", i).isEqualTo(entries.get(i));
            }
            HttpResponse<byte[]> level0 = get(server, "GET", LOG + "/tile/0/000");
            assertThat(level0.body()).hasSize(256 * 32);
            assertThat(Arrays.copyOfRange(level0.body(), 32 * 7, 32 * 8))
                    .isEqualTo(Merkle.leafHash(Merkle.sha256(), entries.get(7)));
            assertThat(level0.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
            assertThat(get(server, "GET", LOG + "/tile/1/000.p/1").body()).isEqualTo(rootOf(entries.subList(0, 256)));
        }
    }

    @Test
    void tilesBeyondTheTreeAndMalformedTilePathsAre404() {
        try (ObserverServer server = start(false)) {
            int partial = entries.size() - 256;
            for (String path : List.of("/tile/0/001", "/tile/entries/001", "/tile/0/001.p/" + (partial + 1),
                    "/tile/1/000", "/tile/2/000.p/1", "/tile/0/x000/001", "/tile/0/1", "/tile/8/000", "/tile/0/000.p/0",
                    "/tile/0/000.p/256", "/tile/entries", "/tile/x/000")) {
                HttpResponse<byte[]> response = get(server, "GET", LOG + path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path)
                        .isEqualTo("application/problem+json");
            }
            assertThat(get(server, "GET", LOG + "/tile/0/001.p/" + partial).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void everyInclusionProofAndConsistencyProofVerifiesOnTheClientsSide() {
        try (ObserverServer server = start(false)) {
            long n = entries.size();
            byte[] root = rootOf(entries);
            for (long seq = 1; seq <= n; seq += 7) {
                JsonObject proof = json(server, "/observer/v1/proofs/inclusion?seq=" + seq);
                assertThat(proof.getJsonNumber("treeSize").longValue()).isEqualTo(n);
                assertThat(ProofVerifier.verifyInclusion(seq - 1, n, Merkle.leafHash(Merkle.sha256(),
                        entries.get((int) seq - 1)), hashes(proof), root)).as("seq %d", seq).isTrue();
            }
            JsonObject old = json(server, "/observer/v1/proofs/inclusion?seq=3&size=10");
            assertThat(ProofVerifier.verifyInclusion(2, 10, Merkle.leafHash(Merkle.sha256(), entries.get(2)),
                    hashes(old), rootOf(entries.subList(0, 10)))).isTrue();
            for (long from = 1; from <= n; from += 13) {
                JsonObject proof = json(server, "/observer/v1/proofs/consistency?from=" + from);
                assertThat(ProofVerifier.verifyConsistency(from, n, rootOf(entries.subList(0, (int) from)), root,
                        hashes(proof))).as("from %d", from).isTrue();
            }
        }
    }

    @Test
    void malformedOrOutOfRangeProofParametersAre400Or404() {
        try (ObserverServer server = start(false)) {
            long n = entries.size();
            String p = "/observer/v1/proofs/";
            for (String path : List.of(p + "inclusion", p + "inclusion?seq=x", p + "inclusion?seq=1&seq=2",
                    p + "inclusion?seq=1&from=2", p + "consistency", p + "consistency?from=0", p + "consistency?from=9&to=8",
                    p + "consistency?from=-1")) {
                assertThat(get(server, "GET", path).statusCode()).as(path).isEqualTo(400);
            }
            for (String path : List.of(p + "inclusion?seq=0", p + "inclusion?seq=" + (n + 1),
                    p + "inclusion?seq=5&size=4", p + "inclusion?seq=1&size=" + (n + 1), p + "consistency?from=1&to=" + (n + 1))) {
                assertThat(get(server, "GET", path).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @Test
    void twoObserversWithTheSameKeyAnswerByteIdenticalCheckpointsTilesAndProofs() {
        try (ObserverServer one = start(true); ObserverServer two = start(true)) {
            for (String path : List.of(LOG + "/checkpoint", LOG + "/tile/0/000", LOG + "/tile/0/001.p/5",
                    LOG + "/tile/entries/001.p/9", LOG + "/tile/1/000.p/1", "/observer/v1/proofs/inclusion?seq=9",
                    "/observer/v1/proofs/consistency?from=5")) {
                HttpResponse<byte[]> a = get(one, "GET", path);
                HttpResponse<byte[]> b = get(two, "GET", path);
                assertThat(a.statusCode()).as(path).isEqualTo(200);
                assertThat(b.body()).as(path).isEqualTo(a.body());
                HttpResponse<byte[]> head = get(one, "HEAD", path);
                assertThat(head.statusCode()).as(path).isEqualTo(200);
                assertThat(head.body()).isEmpty();
                assertThat(head.headers().firstValue("Content-Length")).as(path)
                        .contains(String.valueOf(a.body().length));
                assertThat(head.headers().firstValue("Content-Type")).isEqualTo(a.headers().firstValue("Content-Type"));
            }
        }
    }

    private static List<byte[]> bundle(byte[] body) {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(body);
        while (buf.hasRemaining()) {
            byte[] entry = new byte[Short.toUnsignedInt(buf.getShort())];
            buf.get(entry);
            out.add(entry);
        }
        return out;
    }

    private static List<byte[]> hashes(JsonObject proof) {
        return proof.getJsonArray("proof").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> Base64.getDecoder().decode(s.getString())).toList();
    }

    /** MTH by the RFC's definition, written independently of the tree under test. */
    private static byte[] rootOf(List<byte[]> d) {
        if (d.size() == 1) {
            return Merkle.leafHash(Merkle.sha256(), d.getFirst());
        }
        int k = Integer.highestOneBit(d.size() - 1);
        MessageDigest sha = Merkle.sha256();
        sha.update((byte) 1);
        sha.update(rootOf(d.subList(0, k)));
        sha.update(rootOf(d.subList(k, d.size())));
        return sha.digest();
    }

    private static JsonObject json(ObserverServer server, String path) {
        HttpResponse<byte[]> response = get(server, "GET", path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Json.createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8))).readObject();
    }

    private static HttpResponse<byte[]> get(ObserverServer server, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
