package dev.paperplane.bootstrap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The version and git commit this build was made from, captured by Maven resource filtering. */
public record BuildInfo(String version, String commit) {

    /** Shown when a value was not captured (no git checkout, or classes not built by Maven). */
    public static final String UNKNOWN = "unknown";

    private static final String RESOURCE = "/dev/paperplane/bootstrap/build-info.properties";

    /** Reads the build-info resource of this module; values that are missing read as {@link #UNKNOWN}. */
    public static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new BuildInfo(UNKNOWN, UNKNOWN);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Properties properties = new Properties();
                properties.load(reader);
                return from(properties);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the paperplane jar", e);
        }
    }

    /** Build info from properties {@code version} and {@code commit}; blanks and unfiltered placeholders are unknown. */
    public static BuildInfo from(Properties properties) {
        return new BuildInfo(value(properties, "version"), value(properties, "commit"));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() || value.contains("${") ? UNKNOWN : value;
    }
}
