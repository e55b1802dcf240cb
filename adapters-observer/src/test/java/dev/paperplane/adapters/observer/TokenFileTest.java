package dev.paperplane.adapters.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the bearer token from its file: what is refused, what is warned about, and that it never shows. */
class TokenFileTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void theTokenIsTheFileWithoutSurroundingWhiteSpace() throws IOException {
        TokenFile file = TokenFile.read(write(TOKEN + "\n", "rw-------"));

        assertThat(file.token().matches(TOKEN)).isTrue();
        assertThat(file.token().matches(TOKEN + "\n")).isFalse();
    }

    @Test
    void anOwnerOnlyFileGivesNoWarning() throws IOException {
        assertThat(TokenFile.read(write(TOKEN, "rw-------")).warnings()).isEmpty();
    }

    @Test
    void aGroupReadableFileGivesAWarningNamingTheFixButNotTheToken() throws IOException {
        Path file = write(TOKEN, "rw-r-----");

        assertThat(TokenFile.read(file).warnings()).singleElement().asString()
                .contains(file.toString()).contains("its group").contains("chmod 600").doesNotContain(TOKEN);
    }

    @Test
    void aWorldReadableFileGivesAWarning() throws IOException {
        assertThat(TokenFile.read(write(TOKEN, "rw-r--r--")).warnings()).singleElement().asString()
                .contains("other users");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = write("", "rw-------");

        assertThatThrownBy(() -> TokenFile.read(file)).isInstanceOf(ObserverRefusedException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("it is empty");
    }

    @Test
    void aFileOfWhiteSpaceIsRefusedAsEmpty() throws IOException {
        Path file = write(" \n\n", "rw-------");

        assertThatThrownBy(() -> TokenFile.read(file)).hasMessageContaining("it is empty");
    }

    @Test
    void aMissingFileIsRefused() {
        Path file = dir.resolve("absent");

        assertThatThrownBy(() -> TokenFile.read(file)).isInstanceOf(ObserverRefusedException.class)
                .hasMessageContaining("it does not exist");
    }

    @Test
    void aDirectoryIsRefusedAsUnreadable() {
        assertThatThrownBy(() -> TokenFile.read(dir)).isInstanceOf(ObserverRefusedException.class)
                .hasMessageContaining("cannot use token file " + dir);
    }

    @Test
    void aFileWithoutReadPermissionIsRefused() throws IOException {
        Path file = write(TOKEN, "---------");
        assumeFalse(Files.isReadable(file), "running as a user who can read any file (root)");

        assertThatThrownBy(() -> TokenFile.read(file)).isInstanceOf(ObserverRefusedException.class)
                .hasMessageContaining("permission denied");
    }

    @Test
    void aShortTokenIsRefusedWithoutRepeatingIt() throws IOException {
        Path file = write("short-secret", "rw-------");

        assertThatThrownBy(() -> TokenFile.read(file)).isInstanceOf(ObserverRefusedException.class)
                .hasMessageContaining("fewer than " + BearerToken.MIN_LENGTH)
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void aTokenWithCharactersAHeaderCannotCarryIsRefusedWithoutRepeatingIt() throws IOException {
        Path file = write("two words of secret text", "rw-------");

        assertThatThrownBy(() -> TokenFile.read(file)).isInstanceOf(ObserverRefusedException.class)
                .hasMessageContaining("may not hold").hasMessageNotContaining("secret text");
    }

    @Test
    void aTokenNeverPrintsItself() {
        assertThat(BearerToken.of(TOKEN).toString()).doesNotContain(TOKEN);
    }

    private Path write(String content, String permissions) throws IOException {
        Path file = Files.writeString(dir.resolve("token"), content);
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
