package dev.paperplane.adapters.persistence.postgres.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness finds the programs it runs even when the PATH leaves out the sbin directories. */
class ThrowawayClusterTest {

    @TempDir
    Path dir;

    private Path program(String directory, String name) throws IOException {
        Path file = Files.createDirectories(dir.resolve(directory)).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aProgramMissingFromThePathIsFoundAtItsInstalledLocation() throws IOException {
        Path sbin = program("sbin", "runuser");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        assertThat(ThrowawayCluster.executable("runuser", bin.toString(), List.of(dir.resolve("none"), sbin)))
                .contains(sbin);
    }

    @Test
    void theProgramOnThePathComesFirst() throws IOException {
        Path onPath = program("bin", "runuser");
        Path sbin = program("sbin", "runuser");
        assertThat(ThrowawayCluster.executable("runuser", dir.resolve("empty") + ":" + onPath.getParent(),
                List.of(sbin))).contains(onPath);
    }

    @Test
    void aFileThatIsNotExecutableIsNotTheProgram() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("bin")).resolve("runuser");
        Files.writeString(plain, "text");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ThrowawayCluster.executable("runuser", plain.getParent().toString(), List.of())).isEmpty();
    }

    @Test
    void withAPathOfOnlyUsrBinAndBinThisMachinesRunuserIsStillFound() {
        assumeTrue(ThrowawayCluster.SBIN_RUNUSER.stream().anyMatch(Files::isExecutable),
                "runuser is not installed in an sbin directory here");
        assertThat(ThrowawayCluster.executable("runuser", "/usr/bin:/bin", ThrowawayCluster.SBIN_RUNUSER))
                .hasValueSatisfying(found -> assertThat(ThrowawayCluster.SBIN_RUNUSER).contains(found));
    }
}
