package dev.paperplane.adapters.observer;

import dev.paperplane.application.tlog.NoteKeys;
import java.util.Objects;
import java.util.Optional;

/**
 * How the observer names and signs the transparency log's checkpoints.
 *
 * @param origin the configured origin; none derives it from the log's first record
 * @param signer the note signer key; none answers the checkpoint with 404
 */
public record LogSigning(Optional<String> origin, Optional<NoteKeys.Signer> signer) {
    public LogSigning {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(signer, "signer");
    }

    /** No signer key and the derived origin. */
    public static LogSigning none() {
        return new LogSigning(Optional.empty(), Optional.empty());
    }
}
