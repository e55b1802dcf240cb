package dev.paperplane.application.audit;

/**
 * Where and how large a log is stored.
 *
 * @param location human-readable store location, e.g. the data directory
 * @param bytes    bytes the log occupies
 * @param segments number of segments (files, or 1 for a database table)
 */
public record AuditStorage(String location, long bytes, int segments) {
}
