package dev.paperplane.bootstrap;

import dev.paperplane.bootstrap.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Inputs for runs: synthetic feeds written by {@code feed synth}, and variations of the bundled configuration. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Writes a synthetic feed of {@code barsPerInstrument} bars of each of {@code instruments} (comma-separated). */
    public static Path feed(Path file, int barsPerInstrument, String instruments, long seed) {
        Cli.ok("feed", "synth", "--bars", barsPerInstrument, "--instruments", instruments, "--seed", seed, "--out", file);
        return file;
    }

    /** The bundled default configuration as YAML text. */
    public static String defaultYaml() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(ConfigLoader.DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled default configuration is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled default with text replaced: {@code replacements} are pairs of (existing text, new text); each
     * existing text must occur, so a renamed key cannot silently leave the default in place.
     */
    public static String yaml(String... replacements) {
        if (replacements.length % 2 != 0) {
            throw new IllegalArgumentException("replacements come in pairs");
        }
        String yaml = defaultYaml();
        for (int i = 0; i < replacements.length; i += 2) {
            if (!yaml.contains(replacements[i])) {
                throw new IllegalArgumentException("the default configuration has no '" + replacements[i] + "'");
            }
            yaml = yaml.replace(replacements[i], replacements[i + 1]);
        }
        return yaml;
    }

    /** Writes {@link #yaml} to {@code file}. */
    public static Path config(Path file, String... replacements) {
        try {
            Files.writeString(file, yaml(replacements), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
