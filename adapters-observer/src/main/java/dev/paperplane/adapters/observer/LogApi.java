package dev.paperplane.adapters.observer;

import dev.paperplane.adapters.observer.view.ConsistencyProofView;
import dev.paperplane.adapters.observer.view.InclusionProofView;
import dev.paperplane.application.audit.AuditReadPort;
import dev.paperplane.application.tlog.AuditTree;
import dev.paperplane.application.tlog.Checkpoint;
import dev.paperplane.application.tlog.LogTree;
import dev.paperplane.application.tlog.Merkle;
import dev.paperplane.application.tlog.SignedNote;
import dev.paperplane.application.tlog.TilePath;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The audit log as a transparency log: C2SP tlog-tiles (signed checkpoint, hash tiles, entry bundles) under
 * {@code /observer/v1/log/} and RFC 9162 proofs as JSON under {@code /observer/v1/proofs/}. The tree is brought
 * up to the log's head on request; nothing is written.
 */
final class LogApi {
    static final String LOG = ObserverApi.BASE + "/log";
    static final String CHECKPOINT = LOG + "/checkpoint";
    static final String TILES = LOG + "/tile/";
    /** The documented tile resource; {@code path} is {@code L/N[.p/W]} or {@code entries/N[.p/W]}, slashes as they are. */
    static final String TILE_RESOURCE = LOG + "/tile/{path}";
    static final String INCLUSION = ObserverApi.BASE + "/proofs/inclusion";
    static final String CONSISTENCY = ObserverApi.BASE + "/proofs/consistency";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final int MAX_TILE_LEVEL = 7;

    private final AuditTree tree;
    private final LogSigning signing;
    private String signedNote = "";
    private long signedSize = -1;

    LogApi(AuditReadPort log, LogSigning signing) {
        this.tree = new AuditTree(log);
        this.signing = signing;
    }

    /** The non-JSON resources, registered for GET and HEAD; the JSON proofs go through the common resource list. */
    void register(HttpRouting.Builder routing) {
        routing.get(CHECKPOINT, this::checkpoint).head(CHECKPOINT, this::checkpoint);
        routing.get(TILES + "*", this::tile).head(TILES + "*", this::tile);
    }

    private void checkpoint(ServerRequest req, ServerResponse res) {
        Params.of(req, Set.of());
        if (signing.signer().isEmpty()) {
            throw ProblemException.notFound("this observer signs no checkpoints: start it with --signing-key FILE"
                    + " (or paperplane.observer.signing-key), a key made by `paperplane keygen --name ORIGIN --out"
                    + " FILE`; tiles and proofs are served without one");
        }
        byte[] note = signedCheckpoint().getBytes(StandardCharsets.UTF_8);
        send(req, res, "text/plain; charset=utf-8", "no-cache", note);
    }

    private synchronized String signedCheckpoint() {
        long size = tree.catchUp();
        if (size != signedSize) {
            String origin = tree.origin(signing.origin()).orElseThrow(() -> ProblemException.notFound("the log is"
                    + " empty and has no origin yet: set paperplane.log.origin, or wait for the first record"));
            signedNote = SignedNote.sign(new Checkpoint(origin, size, tree.tree().root(size)).body(),
                    signing.signer().orElseThrow());
            signedSize = size;
        }
        return signedNote;
    }

    private void tile(ServerRequest req, ServerResponse res) {
        Params.of(req, Set.of());
        String path = req.path().path().substring(TILES.length());
        Tile tile = Tile.parse(path);
        long size = tree.catchUp();
        LogTree merkle = tree.tree();
        long available = tile.entries() ? size : size >>> (LogTree.TILE_HEIGHT * tile.level());
        long first = tile.index() * LogTree.TILE_WIDTH;
        if (first + tile.width() > available || tile.index() > Long.MAX_VALUE / LogTree.TILE_WIDTH) {
            throw ProblemException.notFound("tile " + path + " is beyond the current tree of " + size + " entries");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (tile.entries()) {
            for (byte[] entry : tree.entries(first, tile.width())) {
                body.write(entry.length >>> 8);
                body.write(entry.length & 0xff);
                body.writeBytes(entry);
            }
        } else {
            for (int i = 0; i < tile.width(); i++) {
                body.writeBytes(merkle.node(LogTree.TILE_HEIGHT * tile.level(), first + i));
            }
        }
        send(req, res, "application/octet-stream", IMMUTABLE, body.toByteArray());
    }

    Reply inclusion(ServerRequest req) {
        Params params = Params.of(req, Set.of("seq", "size"));
        long seq = params.optionalSeq("seq").orElseThrow(() -> ProblemException.badParameter("seq is required: the"
                + " seq of the record to prove"));
        long current = tree.catchUp();
        long size = params.seq("size", current);
        if (size > current) {
            throw ProblemException.notFound("the tree holds " + current + " entries, not " + size);
        }
        if (seq < 1 || seq > size) {
            throw ProblemException.notFound("seq " + seq + " is not in the tree of " + size + " entries (seqs 1 to "
                    + size + ")");
        }
        LogTree merkle = tree.tree();
        InclusionProofView view = new InclusionProofView(seq, seq - 1, size, base64(merkle.node(0, seq - 1)),
                base64(merkle.root(size)), merkle.inclusionProof(seq - 1, size).stream().map(LogApi::base64).toList());
        return json(view);
    }

    Reply consistency(ServerRequest req) {
        Params params = Params.of(req, Set.of("from", "to"));
        long from = params.optionalSeq("from").orElseThrow(() -> ProblemException.badParameter("from is required:"
                + " the size of the tree you hold"));
        long current = tree.catchUp();
        long to = params.seq("to", current);
        if (to > current) {
            throw ProblemException.notFound("the tree holds " + current + " entries, not " + to);
        }
        if (from < 1 || from > to) {
            throw ProblemException.badParameter("from must be from 1 to " + to + ", was " + from);
        }
        LogTree merkle = tree.tree();
        return json(new ConsistencyProofView(from, to, base64(merkle.root(from)), base64(merkle.root(to)),
                merkle.consistencyProof(from, to).stream().map(LogApi::base64).toList()));
    }

    private static Reply json(Object view) {
        byte[] body = Json.bytes(view);
        String etag = "\"" + HexFormat.of().formatHex(Merkle.leafHash(Merkle.sha256(), body), 0, 16) + "\"";
        return new Reply(etag, () -> new Rendered(body, Optional.empty()));
    }

    private static void send(ServerRequest req, ServerResponse res, String type, String cache, byte[] body) {
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CACHE_CONTROL, cache);
        res.header(HeaderValues.X_CONTENT_TYPE_OPTIONS_NOSNIFF);
        res.status(Status.OK_200);
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(body.length));
            res.send();
        } else {
            res.send(body);
        }
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    /** A tile path: a hash tile of {@code level} or an entry bundle, its index and width (256 when full). */
    private record Tile(boolean entries, int level, long index, int width) {
        static Tile parse(String path) {
            List<String> parts = List.of(path.split("/", -1));
            if (parts.size() < 2) {
                throw notATile(path);
            }
            String head = parts.getFirst();
            boolean entries = head.equals("entries");
            int level = 0;
            if (!entries) {
                if (head.length() != 1 || head.charAt(0) < '0' || head.charAt(0) > '0' + MAX_TILE_LEVEL) {
                    throw notATile(path);
                }
                level = head.charAt(0) - '0';
            }
            List<String> index = parts.subList(1, parts.size());
            int width = LogTree.TILE_WIDTH;
            if (index.size() >= 2 && index.get(index.size() - 2).endsWith(".p")) {
                String w = index.getLast();
                if (!w.matches("[1-9][0-9]{0,2}") || Integer.parseInt(w) >= LogTree.TILE_WIDTH) {
                    throw notATile(path);
                }
                width = Integer.parseInt(w);
                String last = index.get(index.size() - 2);
                index = new ArrayList<>(index.subList(0, index.size() - 1));
                index.set(index.size() - 1, last.substring(0, last.length() - 2));
            }
            long n = TilePath.parseIndex(String.join("/", index));
            if (n < 0) {
                throw notATile(path);
            }
            return new Tile(entries, level, n, width);
        }

        private static ProblemException notATile(String path) {
            return ProblemException.notFound("no tile " + Problems.excerpt(path) + ": tiles are tile/<L>/<N>[.p/<W>]"
                    + " (L 0 to " + MAX_TILE_LEVEL + ") and tile/entries/<N>[.p/<W>], N written like x001/x234/067"
                    + " and W from 1 to 255 (C2SP tlog-tiles)");
        }
    }
}
