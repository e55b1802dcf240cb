package dev.paperplane.bootstrap.command;

import dev.paperplane.application.tlog.Checkpoint;
import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.application.tlog.SignedNote;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** A signed checkpoint saved in a file, as a client keeps it: read, its signature checked when a key is given. */
final class SavedCheckpoint {
    private SavedCheckpoint() {
    }

    /** The verifier key given as {@code --key}: the key text itself, or a file holding it. */
    static NoteKeys.Verifier verifier(String command, String key) {
        String text = key;
        Path file = Path.of(key);
        if (!key.contains("+") || Files.isRegularFile(file)) {
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw UserError.usage(command + ": --key takes a verifier key (name+hash+key, as `paperplane keygen`"
                        + " prints it) or a file holding one; cannot read " + key);
            }
        }
        try {
            return NoteKeys.parseVerifier(text);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(command + ": --key: " + e.getMessage());
        }
    }

    /** The note in {@code file}, opened with {@code key} when given, else read without checking its signature. */
    static Checkpoint read(String command, Path file, Optional<NoteKeys.Verifier> key) {
        String note;
        try {
            note = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(command + ": the checkpoint file " + file + " does not exist");
        } catch (IOException e) {
            throw new UserError(command + ": cannot read the checkpoint file " + file + ": " + e.getMessage());
        }
        return parse(command, "the checkpoint file " + file, note, key);
    }

    /** The checkpoint in {@code note} (from {@code where}), opened with {@code key} when given. */
    static Checkpoint parse(String command, String where, String note, Optional<NoteKeys.Verifier> key) {
        try {
            String text = key.isPresent() ? SignedNote.open(note, key.get()) : SignedNote.textOf(note);
            return Checkpoint.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(command + ": " + where + ": " + e.getMessage());
        }
    }
}
