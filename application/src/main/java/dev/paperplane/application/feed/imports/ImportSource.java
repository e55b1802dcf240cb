package dev.paperplane.application.feed.imports;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * One file to import.
 *
 * @param name       the file's name in messages
 * @param in         its bytes (UTF-8)
 * @param instrument the instrument of every row, for a file without an instrument column
 */
public record ImportSource(String name, InputStream in, Optional<String> instrument) {
    public ImportSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(instrument, "instrument");
    }
}
