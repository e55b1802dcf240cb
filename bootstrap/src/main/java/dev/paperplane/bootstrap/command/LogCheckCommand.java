package dev.paperplane.bootstrap.command;

import dev.paperplane.application.tlog.Checkpoint;
import dev.paperplane.application.tlog.LogTree;
import dev.paperplane.application.tlog.Merkle;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.application.tlog.ProofVerifier;
import dev.paperplane.application.tlog.SignedNote;
import dev.paperplane.application.tlog.TilePath;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code paperplane log check}: a client that trusts nobody. It fetches the observer's signed checkpoint, checks
 * its signature, proves it consistent with the checkpoint kept from last time (recomputing the observer's proof),
 * checks a sample of records against inclusion proofs, and only then replaces the kept checkpoint. It writes
 * nothing but that file.
 */
public final class LogCheckCommand implements Command {
    /** Inclusion proofs checked per run, spread over the tree (at least the first and the last record). */
    static final int SAMPLE = 16;

    @Override
    public String name() {
        return "log check";
    }

    @Override
    public String summary() {
        return "check an observer's signed audit-log checkpoint against the one kept from last time, then keep it";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("""
                    usage: ./paperplane log check --url BASE --key VKEY --keep FILE [--token-file FILE]

                      --url BASE         the observer's tlog-tiles prefix, e.g. http://127.0.0.1:8080/observer/v1/log
                      --key VKEY         the log's verifier key (name+hash+key, as `paperplane keygen` prints it),
                                         or a file holding it
                      --keep FILE        the checkpoint kept from the last check; created on the first, replaced
                                         (atomically) only when every check passes
                      --token-file FILE  bearer token for an observer that requires one

                    Checks: the checkpoint's signature; that the log is an extension of the kept checkpoint (an RFC
                    9162 consistency proof, recomputed here); inclusion proofs of a sample of records against the
                    records themselves. A log that shrank or was rewritten is reported with both sizes and roots, and
                    FILE is left as it was. Exits 0 when all checks pass, 1 otherwise.
                    example: ./paperplane log check --url http://127.0.0.1:8080/observer/v1/log --key KEY --keep log.checkpoint""");
            return 0;
        }
        Options options = Options.parse(name(), args, Set.of("url", "key", "keep", "token-file"));
        String base = options.require("url").replaceAll("/+$", "");
        if (!base.endsWith("/log")) {
            throw UserError.usage("log check: --url is the observer's tlog-tiles prefix ending in /log, e.g."
                    + " http://127.0.0.1:8080/observer/v1/log; was " + base);
        }
        NoteKeys.Verifier key = SavedCheckpoint.verifier("log check", options.require("key"));
        Path keep = Path.of(options.require("keep"));
        Optional<String> token = options.get("token-file").map(LogCheckCommand::token);
        Remote remote = new Remote(base, token);

        String note = remote.text("/checkpoint");
        Checkpoint latest = SavedCheckpoint.parse("log check", "the checkpoint from " + base, note, Optional.of(key));
        Optional<Checkpoint> kept = Files.exists(keep)
                ? Optional.of(SavedCheckpoint.read("log check", keep, Optional.of(key))) : Optional.empty();
        if (kept.isPresent()) {
            Optional<String> problem = consistency(remote, kept.get(), latest);
            if (problem.isPresent()) {
                err.println("log check: FAILED: " + problem.get() + "; " + keep + " is left as it was");
                return 1;
            }
        }
        Optional<String> problem = inclusions(remote, latest, kept.map(Checkpoint::size).orElse(0L));
        if (problem.isPresent()) {
            err.println("log check: FAILED: " + problem.get() + "; " + keep + " is left as it was");
            return 1;
        }
        replace(keep, note);
        out.println("log check: ok: " + latest.origin() + " size " + latest.size() + " root " + latest.rootBase64()
                + kept.map(k -> ", consistent with the kept checkpoint of size " + k.size()).orElse(", first check")
                + "; " + Math.min(SAMPLE, latest.size()) + " sampled records proven included; kept in " + keep);
        return 0;
    }

    private static Optional<String> consistency(Remote remote, Checkpoint kept, Checkpoint latest) {
        String both = "kept checkpoint size " + kept.size() + " root " + kept.rootBase64() + ", observer's size "
                + latest.size() + " root " + latest.rootBase64();
        if (!kept.origin().equals(latest.origin())) {
            return Optional.of("the observer serves log " + latest.origin() + ", not the kept " + kept.origin());
        }
        if (latest.size() < kept.size()) {
            return Optional.of("the log shrank: " + both);
        }
        if (latest.size() == kept.size()) {
            return kept.equals(latest) ? Optional.empty()
                    : Optional.of("the log was rewritten: same size, another root: " + both);
        }
        List<byte[]> proof = hashes(remote.json("/../proofs/consistency?from=" + kept.size() + "&to="
                + latest.size()));
        if (!ProofVerifier.verifyConsistency(kept.size(), latest.size(), kept.root(), latest.root(), proof)) {
            return Optional.of("the log is not an extension of the kept checkpoint (the consistency proof fails):"
                    + " it was rewritten below size " + kept.size() + ": " + both);
        }
        return Optional.empty();
    }

    /** Proves a spread of records, always including the first and the last, and the first new one. */
    private static Optional<String> inclusions(Remote remote, Checkpoint latest, long keptSize) {
        long n = latest.size();
        TreeSet<Long> indexes = new TreeSet<>();
        for (int i = 0; i < SAMPLE && n > 0; i++) {
            indexes.add(n == 1 ? 0 : i * (n - 1) / (SAMPLE - 1));
        }
        if (keptSize < n) {
            indexes.add(keptSize);
        }
        for (long index : indexes) {
            byte[] entry = entry(remote, index, n);
            String prefix = "{\"seq\":" + (index + 1) + ",";
            if (!new String(entry, 0, Math.min(entry.length, prefix.length()), StandardCharsets.UTF_8).equals(prefix)) {
                return Optional.of("entry " + index + " served is not the record of seq " + (index + 1));
            }
            JsonObject proof = remote.json("/../proofs/inclusion?seq=" + (index + 1) + "&size=" + n);
            if (!ProofVerifier.verifyInclusion(index, n, Merkle.leafHash(Merkle.sha256(), entry), hashes(proof),
                    latest.root())) {
                return Optional.of("the record of seq " + (index + 1) + " is not proven included in the checkpoint"
                        + " of size " + n + " root " + latest.rootBase64());
            }
        }
        return Optional.empty();
    }

    /** Entry {@code index} from its entry bundle (a partial bundle when the tree ends inside it). */
    private static byte[] entry(Remote remote, long index, long size) {
        long tile = index / LogTree.TILE_WIDTH;
        long width = Math.min(LogTree.TILE_WIDTH, size - tile * LogTree.TILE_WIDTH);
        ByteBuffer bundle = ByteBuffer.wrap(remote.bytes("/tile/entries/" + TilePath.index(tile)
                + (width < LogTree.TILE_WIDTH ? ".p/" + width : "")));
        try {
            for (long i = tile * LogTree.TILE_WIDTH; ; i++) {
                byte[] entry = new byte[Short.toUnsignedInt(bundle.getShort())];
                bundle.get(entry);
                if (i == index) {
                    return entry;
                }
            }
        } catch (RuntimeException e) {
            throw new UserError("log check: the entry bundle of tile " + tile + " from the observer is malformed");
        }
    }

    private static List<byte[]> hashes(JsonObject proof) {
        try {
            return proof.getJsonArray("proof").getValuesAs(JsonString.class).stream()
                    .map(s -> Base64.getDecoder().decode(s.getString())).toList();
        } catch (RuntimeException e) {
            throw new UserError("log check: the observer's proof is malformed: " + e.getMessage());
        }
    }

    private static void replace(Path keep, String note) {
        Path temp = keep.resolveSibling(keep.getFileName() + ".tmp");
        try {
            Files.writeString(temp, note, StandardCharsets.UTF_8);
            try {
                Files.move(temp, keep, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, keep, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserError("log check: every check passed but " + keep + " could not be written: "
                    + e.getMessage());
        }
    }

    private static String token(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new UserError("log check: cannot read the token file " + file);
        }
    }

    /** The observer, over HTTP. */
    private record Remote(String base, Optional<String> token) {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        String text(String path) {
            return new String(bytes(path), StandardCharsets.UTF_8);
        }

        JsonObject json(String path) {
            try {
                return Json.createReader(new StringReader(text(path))).readObject();
            } catch (JsonException e) {
                throw new UserError("log check: " + base + path + " answered something that is not JSON");
            }
        }

        byte[] bytes(String path) {
            URI uri = URI.create(base + path).normalize();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
            HttpResponse<byte[]> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UserError("log check: cannot fetch " + uri + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError("log check: interrupted while fetching " + uri);
            }
            if (response.statusCode() != 200) {
                throw new UserError("log check: " + uri + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8).strip());
            }
            return response.body();
        }
    }
}
