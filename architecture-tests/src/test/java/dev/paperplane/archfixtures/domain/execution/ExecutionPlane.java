package dev.paperplane.archfixtures.domain.execution;

/** Breaks PAPER only: a second execution plane. */
public enum ExecutionPlane {
    PAPER,
    LIVE
}
