package dev.paperplane.archfixtures.application.audit;

/** Breaks append-only audit persistence: a port that can drop recorded history. */
public interface RewritingAuditPort {
    void deleteBefore(long seq);
}
