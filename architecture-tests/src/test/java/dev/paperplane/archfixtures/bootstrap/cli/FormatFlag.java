package dev.paperplane.archfixtures.bootstrap.cli;

import dev.paperplane.archfixtures.bootstrap.logging.FormatError;

/** Breaks bootstrap's one-way packages: the command line uses logging, which uses the command line. */
public final class FormatFlag {
    FormatError refuse() {
        return new FormatError();
    }
}
