package dev.paperplane.adapters.observer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bearer token read from a file, with what the operator should know about that file. The file holds the
 * token alone; surrounding white space (a final newline) is ignored.
 *
 * @param token    the token
 * @param warnings findings that do not prevent a start, e.g. a file other users can read
 */
public record TokenFile(BearerToken token, List<String> warnings) {
    /** The largest token file read: a token is short, anything larger is the wrong file. */
    static final int MAX_FILE_BYTES = 4096;
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    public TokenFile {
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads the token in {@code file}. An unreadable, empty or malformed file is refused with an
     * {@link ObserverRefusedException} saying why and what to do; a file readable by group or others gives a
     * warning (where the file system has POSIX permissions).
     */
    public static TokenFile read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw refused(file, "it does not exist");
        } catch (AccessDeniedException e) {
            throw refused(file, "permission denied");
        } catch (IOException e) {
            throw refused(file, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw refused(file, "it is larger than " + MAX_FILE_BYTES + " bytes, too large for a token");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw refused(file, "it is not UTF-8 text");
        }
        if (text.isEmpty()) {
            throw refused(file, "it is empty");
        }
        BearerToken token;
        try {
            token = BearerToken.of(text);
        } catch (IllegalArgumentException e) {
            throw refused(file, e.getMessage());
        }
        return new TokenFile(token, sharedWarning(file).stream().toList());
    }

    private static Optional<String> sharedWarning(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        if (permissions.stream().noneMatch(SHARED::contains)) {
            return Optional.empty();
        }
        return Optional.of("token file " + file + " is readable by "
                + (permissions.contains(PosixFilePermission.OTHERS_READ) ? "other users" : "its group") + " ("
                + PosixFilePermissions.toString(permissions) + "); anyone who can read it can read the observer."
                + " Restrict it: chmod 600 " + file);
    }

    private static ObserverRefusedException refused(Path file, String why) {
        return new ObserverRefusedException("cannot use token file " + file + ": " + why
                + ". Put the bearer token alone in the file (e.g. `openssl rand -hex 32 > " + file + "` then"
                + " `chmod 600 " + file + "`)");
    }
}
