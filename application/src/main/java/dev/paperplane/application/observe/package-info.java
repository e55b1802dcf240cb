/**
 * Read-only queries behind the observer: an incremental digest of the audit log and cursor selections of
 * its records, derived only from the read ports.
 */
package dev.paperplane.application.observe;
