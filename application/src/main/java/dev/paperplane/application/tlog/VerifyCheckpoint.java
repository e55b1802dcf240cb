package dev.paperplane.application.tlog;

import dev.paperplane.application.audit.AuditReadPort;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks that a log still holds the tree a saved checkpoint names: at least its number of records, whose tree
 * has its root. A log cut below the checkpoint, or rewritten there even with a recomputed chain, fails.
 */
public final class VerifyCheckpoint {
    private final AuditReadPort log;

    /** A check of {@code log}. */
    public VerifyCheckpoint(AuditReadPort log) {
        this.log = log;
    }

    /**
     * What is wrong with the log against {@code checkpoint}, or empty when the log holds its tree (a log grown
     * beyond it passes).
     *
     * @throws dev.paperplane.application.audit.AuditCorruptionException when a record fails chain verification
     */
    public Optional<String> against(Checkpoint checkpoint) {
        AuditTree tree = new AuditTree(log);
        long size = tree.catchUp();
        if (size < checkpoint.size()) {
            return Optional.of("the log holds " + size + " records (root " + base64(tree.tree().root(size))
                    + "), fewer than the " + checkpoint.size() + " of the checkpoint (root "
                    + checkpoint.rootBase64() + "): records were removed from its end");
        }
        byte[] root = tree.tree().root(checkpoint.size());
        if (!Arrays.equals(root, checkpoint.root())) {
            return Optional.of("the log's first " + checkpoint.size() + " records have root " + base64(root)
                    + ", not the checkpoint's " + checkpoint.rootBase64() + ": records at or below seq "
                    + checkpoint.size() + " were changed, removed or inserted since the checkpoint");
        }
        return Optional.empty();
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
