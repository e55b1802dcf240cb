package dev.paperplane.bootstrap.store;

import dev.paperplane.adapters.persistence.postgres.PostgresLocator;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the password of a PostgreSQL store the way libpq does, never on the command line: a password file the
 * user names, else {@code PGPASSWORD}, else the password file {@code PGPASSFILE} or {@code ~/.pgpass}
 * (lines {@code hostname:port:database:username:password}, {@code *} matching anything, {@code \:} and
 * {@code \\} escapes, the first matching line wins; ignored with a warning unless only its owner may read it).
 * No password at all is allowed: the server may trust the client or check its certificate.
 */
final class PostgresPassword {
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /**
     * Where passwords may come from besides a named file.
     *
     * @param environment the process environment ({@code PGPASSWORD}, {@code PGPASSFILE}, {@code HOME})
     * @param userHome    the home directory when {@code HOME} is not set
     */
    record Sources(Map<String, String> environment, Path userHome) {

        /** {@code environment} (the process's, or a test's) and this process's home directory. */
        static Sources of(Map<String, String> environment) {
            return new Sources(environment, Path.of(System.getProperty("user.home")));
        }

        Optional<String> variable(String name) {
            return Optional.ofNullable(environment.get(name)).filter(value -> !value.isEmpty());
        }

        Path passFile() {
            return variable("PGPASSFILE").map(Path::of)
                    .orElseGet(() -> variable("HOME").map(Path::of).orElse(userHome).resolve(".pgpass"));
        }
    }

    private PostgresPassword() {
    }

    /**
     * The password to log in to {@code locator} with, or null for none.
     *
     * @param file     the password file the user named, if any: it wins, and must hold a password
     * @param warnings told about a password file others may read
     * @throws UserError when the named file cannot be read or is empty
     */
    static String resolve(PostgresLocator locator, Optional<Path> file, Sources sources, Consumer<String> warnings) {
        if (file.isPresent()) {
            return fromFile(file.get(), warnings);
        }
        Optional<String> variable = sources.variable("PGPASSWORD");
        if (variable.isPresent()) {
            return variable.get();
        }
        return fromPassFile(sources.passFile(), locator, warnings);
    }

    private static String fromFile(Path file, Consumer<String> warnings) {
        String text = readText(file);
        String password = text.lines().findFirst().orElse("");
        if (password.isEmpty()) {
            throw new UserError("cannot use the password file " + file + ": its first line is empty. Put the "
                    + "password alone on its first line and chmod 600 the file");
        }
        if (shared(file)) {
            warnings.accept("password file " + file + " is readable by its group or by others; anyone who can "
                    + "read it can log in to the store. Restrict it: chmod 600 " + file);
        }
        return password;
    }

    /** libpq's rules: only a regular file that nobody but its owner may access, first matching line. */
    private static String fromPassFile(Path file, PostgresLocator locator, Consumer<String> warnings) {
        if (!Files.exists(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            warnings.accept("password file " + file + " is not a plain file; it is ignored");
            return null;
        }
        if (shared(file)) {
            warnings.accept("password file " + file + " has group or world access and is ignored; permissions "
                    + "should be u=rw (0600) or less: chmod 600 " + file);
            return null;
        }
        String[] lines = readText(file).split("\r?\n");
        // one password for all the locator's hosts (the driver logs in to each with the same): the first host's
        // matching line, else the next host's
        for (PostgresLocator.Host at : locator.hosts()) {
            String host = at.name().startsWith("[") ? at.name().substring(1, at.name().length() - 1) : at.name();
            List<String> wanted = List.of(host, Integer.toString(at.port()), locator.database(), locator.user());
            for (String line : lines) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Optional<String> password = match(line, wanted);
                if (password.isPresent()) {
                    return password.get();
                }
            }
        }
        return null;
    }

    /** The password of a {@code hostname:port:database:username:password} line matching {@code wanted}. */
    static Optional<String> match(String line, List<String> wanted) {
        int at = 0;
        for (String value : wanted) {
            int end = fieldEnd(line, at);
            if (end < 0) {
                return Optional.empty();
            }
            String field = line.substring(at, end);
            if (!field.equals("*") && !unescape(field).equals(value)) {
                return Optional.empty();
            }
            at = end + 1;
        }
        return Optional.of(unescape(line.substring(at)));
    }

    /** The index of the colon ending the field that starts at {@code from}, skipping escaped characters. */
    private static int fieldEnd(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                c = field.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean shared(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.stream().anyMatch(GROUP_OR_OTHERS::contains);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static String readText(Path file) {
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read the password file " + file + ": it does not exist");
        } catch (AccessDeniedException e) {
            throw new UserError("cannot read the password file " + file + ": permission denied");
        } catch (IOException e) {
            throw new UserError("cannot read the password file " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new UserError("cannot use the password file " + file + ": it is larger than " + MAX_FILE_BYTES
                    + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError("cannot use the password file " + file + ": it is not UTF-8 text");
        }
    }
}
