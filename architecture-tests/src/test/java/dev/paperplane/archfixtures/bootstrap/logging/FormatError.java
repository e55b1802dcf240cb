package dev.paperplane.archfixtures.bootstrap.logging;

import dev.paperplane.archfixtures.bootstrap.cli.FormatFlag;

/** The other half of {@link FormatFlag}'s package cycle. */
public final class FormatError {
    FormatFlag flag;
}
