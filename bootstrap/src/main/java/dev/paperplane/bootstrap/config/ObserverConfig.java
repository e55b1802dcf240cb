package dev.paperplane.bootstrap.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code observe} listens, as configured; the token file is only named here, read when the observer starts.
 *
 * @param host             the address to listen on
 * @param port             the port, 0 for any free one
 * @param maxResponseBytes the largest response body
 * @param tokenFile        the bearer token file, if any
 * @param tlsCert          the PEM certificate chain, if serving HTTPS
 * @param tlsKey           the PEM private key, if serving HTTPS
 * @param maxConnections   the most connections open at once
 * @param idleTimeoutSeconds   how long a kept-alive connection may wait for its next request
 * @param headerTimeoutSeconds how long a request may take to send its line and headers
 * @param signingKey       the note signer key file for checkpoints, if any
 * @param origin           the transparency log's origin, if configured
 */
public record ObserverConfig(String host, int port, long maxResponseBytes, Optional<Path> tokenFile,
                             Optional<Path> tlsCert, Optional<Path> tlsKey, int maxConnections,
                             long idleTimeoutSeconds, long headerTimeoutSeconds, Optional<Path> signingKey,
                             Optional<String> origin) {
    public ObserverConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(tlsCert, "tlsCert");
        Objects.requireNonNull(tlsKey, "tlsKey");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(origin, "origin");
    }
}
