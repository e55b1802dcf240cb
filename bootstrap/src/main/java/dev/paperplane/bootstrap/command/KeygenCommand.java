package dev.paperplane.bootstrap.command;

import dev.paperplane.application.tlog.NoteKeys;
import dev.paperplane.bootstrap.cli.Command;
import dev.paperplane.bootstrap.cli.Options;
import dev.paperplane.bootstrap.cli.UserError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * {@code paperplane keygen}: makes an Ed25519 note key pair for signing the transparency log's checkpoints. The
 * signer key goes to a new owner-only file; the verifier key, which clients need, is the last line printed.
 */
public final class KeygenCommand implements Command {
    @Override
    public String name() {
        return "keygen";
    }

    @Override
    public String summary() {
        return "make a key pair for signing the audit log's checkpoints (prints the verifier key)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (Options.wantsHelp(args)) {
            out.println("""
                    usage: ./paperplane keygen --name ORIGIN --out FILE

                      --name ORIGIN   the key's name: the log's origin (paperplane.log.origin), no spaces or '+'
                      --out FILE      new file for the signer key (created owner read/write only; never overwritten)

                    The signer key is written in the text form of Go's note package (PRIVATE+KEY+name+hash+key);
                    give it to `observe --signing-key FILE`. The last line printed is the verifier key
                    (name+hash+key): give it to clients (`log check --key`, `verify --key`).
                    example: ./paperplane keygen --name example.org/paperplane --out checkpoint.key""");
            return 0;
        }
        Options options = Options.parse(name(), args, Set.of("name", "out"));
        String keyName = options.require("name");
        Path file = Path.of(options.require("out"));
        if (!NoteKeys.isName(keyName)) {
            throw UserError.usage("keygen: --name must be non-empty text without spaces or '+', was '" + keyName + "'");
        }
        NoteKeys.Generated pair = NoteKeys.generate(keyName, new SecureRandom().generateSeed(32));
        write(file, pair.signerKey() + "\n");
        out.println("keygen: wrote the signer key " + keyName + " to " + file + " (owner read/write only); keep it"
                + " secret and give it to `observe --signing-key " + file + "`");
        out.println("keygen: verifier key, for clients:");
        out.println(pair.verifierKey());
        return 0;
    }

    private static void write(Path file, String text) {
        try {
            boolean posix = Files.getFileAttributeView(file.toAbsolutePath().getParent(),
                    PosixFileAttributeView.class) != null;
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new UserError("keygen: " + file + " already exists; a key is never overwritten: choose another"
                    + " --out or move the old key away");
        } catch (IOException e) {
            throw new UserError("keygen: cannot write " + file + ": " + e.getMessage()
                    + "; check that its directory exists and is writable");
        }
    }
}
