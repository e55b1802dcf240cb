package dev.paperplane.application.tlog;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys in the text forms of Go's {@code golang.org/x/mod/sumdb/note} (C2SP signed-note): the signer key
 * {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>} and the verifier key
 * {@code <name>+<hash>+<base64(0x01 ‖ public key)>}, where hash is the first four bytes of
 * SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key) in eight lowercase hex digits. Uses only the JDK's Ed25519.
 */
public final class NoteKeys {
    /** The signature algorithm byte of Ed25519 keys. */
    static final byte ED25519 = 1;
    private static final String SIGNER_PREFIX = "PRIVATE+KEY+";
    /** The DER prefix of an X.509 SubjectPublicKeyInfo holding a raw 32-byte Ed25519 key. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private NoteKeys() {
    }

    /** A signer key: the name, its key hash and the 32-byte Ed25519 seed. Its text never leaves its file. */
    public static final class Signer {
        private final String name;
        private final int keyHash;
        private final PrivateKey key;
        private final byte[] publicKey;

        private Signer(String name, byte[] seed) {
            this.name = name;
            this.publicKey = publicKeyOf(seed);
            this.keyHash = NoteKeys.keyHash(name, publicKey);
            try {
                this.key = KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Ed25519 is required of every Java runtime", e);
            }
        }

        /** The key's name. */
        public String name() {
            return name;
        }

        /** The key hash that signature lines carry. */
        public int keyHash() {
            return keyHash;
        }

        /** The matching verifier key, in text form. */
        public String verifierKey() {
            return name + "+" + hex(keyHash) + "+" + Base64.getEncoder().encodeToString(prefixed(publicKey));
        }

        /** The deterministic Ed25519 signature of {@code message}. */
        byte[] sign(byte[] message) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key);
                signature.update(message);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign with Ed25519", e);
            }
        }

        @Override
        public String toString() {
            return "signer key " + name + "+" + hex(keyHash);
        }
    }

    /** A verifier key: the name, its key hash and the 32-byte Ed25519 public key. */
    public record Verifier(String name, int keyHash, PublicKey key) {
        /** Whether {@code signature} is this key's signature of {@code message}. */
        boolean verify(byte[] message, byte[] signature) {
            try {
                Signature check = Signature.getInstance("Ed25519");
                check.initVerify(key);
                check.update(message);
                return check.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return name + "+" + hex(keyHash);
        }
    }

    /** The key pair named {@code name} of a 32-byte Ed25519 seed, which the caller draws from a secure random source. */
    public static Generated generate(String name, byte[] seed) {
        requireName(name);
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        Signer signer = new Signer(name, seed);
        return new Generated(SIGNER_PREFIX + name + "+" + hex(signer.keyHash) + "+"
                + Base64.getEncoder().encodeToString(prefixed(seed)), signer.verifierKey());
    }

    /**
     * A generated key pair in text form.
     *
     * @param signerKey   {@code PRIVATE+KEY+…}, for the signer's file only
     * @param verifierKey {@code name+hash+base64}, for anyone
     */
    public record Generated(String signerKey, String verifierKey) {
        @Override
        public String toString() {
            return "key pair " + verifierKey;
        }
    }

    /**
     * Parses a signer key's text (surrounding white space ignored).
     *
     * @throws IllegalArgumentException saying what is wrong, never quoting the key
     */
    public static Signer parseSigner(String text) {
        String t = text.strip();
        if (!t.startsWith(SIGNER_PREFIX)) {
            throw new IllegalArgumentException("a signer key starts with PRIVATE+KEY+ (make one with"
                    + " `paperplane keygen`)");
        }
        String[] parts = t.substring(SIGNER_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a signer key has the form PRIVATE+KEY+<name>+<hash>+<key>");
        }
        byte[] seed = keyBytes(parts[2], "signer");
        Signer signer = new Signer(name(parts[0]), seed);
        if (!hex(signer.keyHash).equals(parts[1])) {
            throw new IllegalArgumentException("the signer key's hash does not match its name and key");
        }
        return signer;
    }

    /**
     * Parses a verifier key's text {@code name+hash+base64(0x01 ‖ public key)}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Verifier parseVerifier(String text) {
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key has the form <name>+<hash>+<key>, as the last line"
                    + " `paperplane keygen` prints");
        }
        byte[] publicKey = keyBytes(parts[2], "verifier");
        String name = name(parts[0]);
        int hash = keyHash(name, publicKey);
        if (!hex(hash).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's hash " + parts[1] + " does not match its name"
                    + " and key (expected " + hex(hash) + ")");
        }
        try {
            byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, 32);
            return new Verifier(name, hash, KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(spki)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 public key");
        }
    }

    /** Whether {@code name} may name a key or a log: non-empty, no Unicode space, no '+'. */
    public static boolean isName(String name) {
        return !name.isEmpty() && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c));
    }

    static String hex(int keyHash) {
        return String.format("%08x", keyHash);
    }

    private static String name(String name) {
        requireName(name);
        return name;
    }

    private static void requireName(String name) {
        if (!isName(name)) {
            throw new IllegalArgumentException("a key name is non-empty text without spaces or '+', was '"
                    + name + "'");
        }
    }

    private static byte[] keyBytes(String base64, String kind) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + kind + " key's last part is not base64");
        }
        if (bytes.length != 33 || bytes[0] != ED25519) {
            throw new IllegalArgumentException("the " + kind + " key is not an Ed25519 key (algorithm byte 1"
                    + " and 32 key bytes)");
        }
        return Arrays.copyOfRange(bytes, 1, 33);
    }

    private static byte[] prefixed(byte[] key) {
        byte[] out = new byte[33];
        out[0] = ED25519;
        System.arraycopy(key, 0, out, 1, 32);
        return out;
    }

    private static int keyHash(String name, byte[] publicKey) {
        MessageDigest sha = Merkle.sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(prefixed(publicKey));
        return ByteBuffer.wrap(sha.digest()).getInt();
    }

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger[] BASE = {
        new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202"),
        new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960")};

    /**
     * The raw Ed25519 public key of a seed (RFC 8032 §5.1.5): the clamped first half of SHA-512(seed) times the
     * base point, encoded. Computed here because the JDK derives it only while generating from randomness.
     */
    private static byte[] publicKeyOf(byte[] seed) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-512").digest(seed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-512 is required of every Java runtime", e);
        }
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        byte[] le = Arrays.copyOf(h, 32);
        BigInteger scalar = new BigInteger(1, reverse(le));
        BigInteger[] result = {BigInteger.ZERO, BigInteger.ONE};
        BigInteger[] addend = BASE;
        for (int i = 0; i < scalar.bitLength(); i++) {
            if (scalar.testBit(i)) {
                result = add(result, addend);
            }
            addend = add(addend, addend);
        }
        byte[] out = reverse(toBytes(result[1]));
        if (result[0].testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /** Twisted Edwards addition (a = -1) in affine coordinates. */
    private static BigInteger[] add(BigInteger[] p1, BigInteger[] p2) {
        BigInteger t = D.multiply(p1[0]).multiply(p2[0]).multiply(p1[1]).multiply(p2[1]).mod(P);
        BigInteger x = p1[0].multiply(p2[1]).add(p2[0].multiply(p1[1]))
                .multiply(BigInteger.ONE.add(t).modInverse(P)).mod(P);
        BigInteger y = p1[1].multiply(p2[1]).add(p1[0].multiply(p2[0]))
                .multiply(BigInteger.ONE.subtract(t).mod(P).modInverse(P)).mod(P);
        return new BigInteger[] {x, y};
    }

    private static byte[] toBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}
