package dev.paperplane.application.audit;

import dev.paperplane.domain.session.RuntimeConfig;
import java.nio.charset.StandardCharsets;

/** The fingerprint of a configuration: lowercase hex SHA-256 of its canonical JSON. */
public final class ConfigFingerprint {
    private ConfigFingerprint() {
    }

    /** SHA-256 hex of {@link AuditCodec#configJson(RuntimeConfig)}. */
    public static String of(RuntimeConfig config) {
        byte[] json = AuditCodec.configJson(config).getBytes(StandardCharsets.UTF_8);
        return Hex.format(Sha256.newDigest().digest(json));
    }
}
