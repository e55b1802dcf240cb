package dev.paperplane.adapters.observer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files of an HTTPS observer.
 *
 * @param certificate the server certificate, then any intermediates (PEM {@code CERTIFICATE} blocks)
 * @param privateKey  its private key, unencrypted PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 RSA
 *                    ({@code RSA PRIVATE KEY})
 */
public record TlsFiles(Path certificate, Path privateKey) {
    public TlsFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
