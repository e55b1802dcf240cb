package dev.paperplane.bootstrap.config;

import dev.paperplane.domain.runtime.RuntimeConfig;
import java.util.Objects;

/**
 * The effective configuration of a {@code run}: the runtime configuration that is fingerprinted into the log, and
 * the storage settings that are not (they change no decision).
 *
 * @param runtime       everything that determines decisions
 * @param snapshotEvery store a snapshot whenever this many events were appended since the last one
 * @param segmentBytes  roll audit segments at this size
 * @param source        where the configuration came from, for messages
 */
public record PaperplaneConfig(RuntimeConfig runtime, long snapshotEvery, long segmentBytes, String source) {
    public PaperplaneConfig {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(source, "source");
    }
}
