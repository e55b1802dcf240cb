package dev.paperplane.application.observe;

import java.util.Objects;

/**
 * Where the audit chain stopped verifying.
 *
 * @param seq    the first seq that failed verification
 * @param reason what was wrong there
 */
public record ChainBreak(long seq, String reason) {
    public ChainBreak {
        Objects.requireNonNull(reason, "reason");
    }
}
