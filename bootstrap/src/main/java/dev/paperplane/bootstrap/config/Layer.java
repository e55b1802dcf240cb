package dev.paperplane.bootstrap.config;

import java.util.List;

/**
 * Where a configuration value can come from. The order of the constants is the precedence, lowest first, and the
 * only place it is decided: a value of a later layer wins over an earlier one, key by key. The loader stacks its
 * sources in this order, names a value's origin by the highest layer that holds it, and compares layers with it
 * (a password file below the layer that named a data directory is not the directory's).
 */
public enum Layer {
    /** The bundled default. */
    BUNDLED("the bundled default"),
    /** The {@code --config} file. */
    FILE("the file"),
    /** A {@code PAPERPLANE_…} environment variable. */
    ENVIRONMENT("PAPERPLANE_... variables"),
    /** A command-line flag. */
    FLAG("flags");

    private final String plural;

    Layer(String plural) {
        this.plural = plural;
    }

    /** The precedence in words, highest first, for {@code config show}. */
    public static String precedence() {
        return String.join(", then ", List.of(values()).reversed().stream().map(l -> l.plural).toList());
    }
}
