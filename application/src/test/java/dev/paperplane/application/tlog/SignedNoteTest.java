package dev.paperplane.application.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Keys, signed notes and checkpoints against the vectors of Go's {@code golang.org/x/mod/sumdb/note}
 * ({@code sumdb/note/note_test.go} in golang/mod at commit 02c991387e35f9e4c0a9b7ce137717055f8d716d).
 */
class SignedNoteTest {
    private static final String PETER_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String PETER_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String ENOCH_VERIFIER = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIGNED = TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG =
            "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void aSignerKeyGivesGosVerifierKeyAndSignsByteForByteAsGoDoes() {
        NoteKeys.Signer signer = NoteKeys.parseSigner(PETER_SIGNER);
        assertThat(signer.verifierKey()).isEqualTo(PETER_VERIFIER);
        assertThat(SignedNote.sign(TEXT, signer)).isEqualTo(PETER_SIGNED);
    }

    @Test
    void theExampleCheckpointInTheDataFormatsDocIsWhatTheGoTestKeySigns() {
        Checkpoint checkpoint = new Checkpoint("PeterNeumann", 1523,
                java.util.HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
        assertThat(SignedNote.sign(checkpoint.body(), NoteKeys.parseSigner(PETER_SIGNER))).isEqualTo("""
                PeterNeumann
                1523
                XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=

                — PeterNeumann x08gozgmIpR7RDsFvPyplYu94Tu8FFmmH6ychb0tU67LHaV0EJFs6Ki6eGGZG2zE7rGwdB4Lw2mVeqsaWyuWz5RXjg4=
                """);
    }

    @Test
    void aNoteOpensWithTheKeyOfAnyOfItsSignaturesAndNotWithAnother() {
        String both = PETER_SIGNED + ENOCH_SIG;
        assertThat(SignedNote.open(both, NoteKeys.parseVerifier(PETER_VERIFIER))).isEqualTo(TEXT);
        assertThat(SignedNote.open(both, NoteKeys.parseVerifier(ENOCH_VERIFIER))).isEqualTo(TEXT);
        assertThatThrownBy(() -> SignedNote.open(PETER_SIGNED, NoteKeys.parseVerifier(ENOCH_VERIFIER)))
                .hasMessageContaining("no signature by EnochRoot+af0cfe78");
    }

    @Test
    void aChangedTextOrSignatureDoesNotVerify() {
        NoteKeys.Verifier peter = NoteKeys.parseVerifier(PETER_VERIFIER);
        assertThatThrownBy(() -> SignedNote.open(PETER_SIGNED.replace("answer", "Answer"), peter))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> SignedNote.open(PETER_SIGNED.replace("x08go/ZJ", "x08go/ZK"), peter))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> SignedNote.open(TEXT, peter)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manglesOfAKeyAreRefused() {
        assertThatThrownBy(() -> NoteKeys.parseVerifier(PETER_VERIFIER.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> NoteKeys.parseVerifier("PeterNeumann+c74f20a3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKeys.parseSigner(PETER_SIGNER.replace("c74f20a3", "00000000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("AYEKFALV");
        assertThatThrownBy(() -> NoteKeys.parseSigner(PETER_VERIFIER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGeneratedKeySignsCheckpointsItsVerifierKeyOpens() {
        NoteKeys.Generated pair = NoteKeys.generate("example.org/log", "a fixed 32-byte seed for testing".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(pair.signerKey()).startsWith("PRIVATE+KEY+example.org/log+");
        assertThat(pair.verifierKey()).matches("example\\.org/log\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}");
        Checkpoint checkpoint = new Checkpoint("example.org/log", 8, new byte[32]);
        String note = SignedNote.sign(checkpoint.body(), NoteKeys.parseSigner(pair.signerKey()));
        assertThat(note).isEqualTo(SignedNote.sign(checkpoint.body(), NoteKeys.parseSigner(pair.signerKey())));
        assertThat(Checkpoint.parse(SignedNote.open(note, NoteKeys.parseVerifier(pair.verifierKey()))))
                .isEqualTo(checkpoint);
    }

    @Test
    void aCheckpointBodyIsOriginSizeAndBase64Root() {
        Checkpoint checkpoint = new Checkpoint("paperplane/x", 5, new byte[32]);
        assertThat(checkpoint.body()).isEqualTo("paperplane/x\n5\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        assertThat(Checkpoint.parse(checkpoint.body() + "extension line\n")).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.parse("o\n05\nAAAA\n")).hasMessageContaining("tree size");
        assertThatThrownBy(() -> Checkpoint.parse("o\n5\nAAAA\n")).hasMessageContaining("32-byte root");
        assertThatThrownBy(() -> new Checkpoint("has space", 1, new byte[32])).hasMessageContaining("origin");
    }

    @Test
    void tileIndexesAreWrittenInGroupsOfThreeDigits() {
        assertThat(TilePath.index(0)).isEqualTo("000");
        assertThat(TilePath.index(67)).isEqualTo("067");
        assertThat(TilePath.index(1000)).isEqualTo("x001/000");
        assertThat(TilePath.index(1234067)).isEqualTo("x001/x234/067");
        assertThat(TilePath.parseIndex("x001/x234/067")).isEqualTo(1234067);
        assertThat(TilePath.parseIndex("067")).isEqualTo(67);
        for (String bad : new String[] {"67", "x067", "001/067", "x000/067", "x001/x234/67", "", "06a"}) {
            assertThat(TilePath.parseIndex(bad)).as(bad).isEqualTo(-1);
        }
    }
}
