/**
 * The audit log served as a transparency log: an RFC 9162 Merkle tree over the stored record lines, its proofs,
 * C2SP checkpoints in signed notes, and tile paths. Everything here is derived from the log and read-only.
 */
package dev.paperplane.application.tlog;
