package dev.paperplane.application.audit;

import java.nio.ByteBuffer;
import java.util.Objects;

/** A record whose bytes came from outside this process's {@link Sealer}: verified in full by every store. */
record ForeignRecord(long seq, String hash, byte[] bytes) implements EncodedRecord {
    ForeignRecord {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(bytes, "line");
    }

    @Override
    public byte[] line() {
        return bytes.clone();
    }

    @Override
    public int length() {
        return bytes.length;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        out.put(bytes);
    }
}
