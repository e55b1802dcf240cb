package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.ChainHead;
import dev.paperplane.application.snapshot.Snapshot;
import dev.paperplane.application.snapshot.SnapshotInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshot file format: a one-line JSON header
 * {@code {"schemaVersion":1,"seq":N,"chainHash":"…","checksum":"…","stateBytes":L}}, a newline, the state
 * bytes and a final newline. Reading reports every way a file can be unusable instead of throwing.
 */
final class SnapshotFiles {
    private static final int MAX_HEADER = 512;
    /** The largest file a snapshot can be: the longest header line, the largest state and the final newline. */
    static final long MAX_FILE_BYTES = MAX_HEADER + (long) Snapshot.MAX_STATE_BYTES + 1;

    private SnapshotFiles() {
    }

    static byte[] encode(Snapshot snapshot) {
        String header = "{\"schemaVersion\":" + snapshot.schemaVersion() + ",\"seq\":" + snapshot.seq()
                + ",\"chainHash\":\"" + snapshot.chainHash() + "\",\"checksum\":\"" + snapshot.checksum()
                + "\",\"stateBytes\":" + snapshot.state().length + "}\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[head.length + snapshot.state().length + 1];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(snapshot.state(), 0, file, head.length, snapshot.state().length);
        file[file.length - 1] = '\n';
        return file;
    }

    static void validate(Snapshot snapshot) {
        if (snapshot.seq() < 0 || snapshot.schemaVersion() < 1 || !ChainHead.isHash(snapshot.chainHash())) {
            throw new IllegalArgumentException("snapshot at seq " + snapshot.seq() + " needs a seq >= 0, a schema "
                    + "version >= 1 and a chain hash of 64 lowercase hex digits, got schema "
                    + snapshot.schemaVersion() + " and chain hash '" + snapshot.chainHash() + "'");
        }
    }

    /**
     * Whether {@code target} already holds exactly {@code content}: false when there is no file. Anything else there
     * (other bytes, a special file, which is never opened) is refused: snapshots are never replaced.
     *
     * @throws IllegalStateException when something else is stored there
     */
    static boolean alreadyStored(Path target, long seq, byte[] content) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (attributes.isRegularFile() && attributes.size() == content.length) {
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                if (Arrays.equals(readFully(channel, 0, content.length), content)) {
                    return true;
                }
            }
        }
        throw new IllegalStateException("a different snapshot at seq " + seq + " is already stored in " + target
                + "; snapshots are never replaced");
    }

    /** Every snapshot file in the layout, newest first, each with its problem if any. */
    static List<SnapshotInfo> list(Layout layout) throws IOException {
        List<SnapshotInfo> infos = new ArrayList<>();
        for (Map.Entry<Long, Path> file : layout.snapshotFiles().descendingMap().entrySet()) {
            infos.add(read(file.getValue(), file.getKey()).info());
        }
        return infos;
    }

    /** The snapshot at {@code seq} if its file exists and is intact. */
    static Optional<Snapshot> load(Layout layout, long seq) {
        if (seq < 0) {
            return Optional.empty();
        }
        Read read = read(layout.snapshot(seq), seq);
        return read.info().valid() ? Optional.ofNullable(read.snapshot()) : Optional.empty();
    }

    private record Read(SnapshotInfo info, Snapshot snapshot) {
    }

    /**
     * Reads one snapshot file, reporting every way it can be unusable. Only a regular file is opened (checked
     * without following links: a FIFO would block the opener, a device could be endless), and only when its size
     * is within {@link #MAX_FILE_BYTES}; the state is read into one array of the size the header announces, after
     * the file's size was found to match it. So no snapshot file, however damaged, costs more heap than the bound.
     */
    private static Read read(Path file, long nameSeq) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return problem(nameSeq, 0, "missing: " + file);
        } catch (IOException e) {
            return problem(nameSeq, 0, "unreadable: " + e);
        }
        if (!attributes.isRegularFile()) {
            return problem(nameSeq, 0, "not a regular file but " + kind(attributes) + ": " + file
                    + " was not opened; remove it");
        }
        long size = attributes.size();
        if (size > MAX_FILE_BYTES) {
            return problem(nameSeq, size, "too large: " + size + " bytes, more than the " + MAX_FILE_BYTES
                    + " a snapshot may have; its bytes were not read");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return read(channel, size, nameSeq);
        } catch (NoSuchFileException e) {
            return problem(nameSeq, 0, "missing: " + file);
        } catch (IOException e) {
            return problem(nameSeq, size, "unreadable: " + e);
        }
    }

    private static Read read(FileChannel channel, long size, long nameSeq) throws IOException {
        byte[] prefix = readFully(channel, 0, (int) Math.min(size, MAX_HEADER));
        int newline = -1;
        for (int i = 0; i < prefix.length; i++) {
            if (prefix[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return problem(nameSeq, size, "unreadable header: no header line in the first "
                    + prefix.length + " bytes (truncated or not a snapshot)");
        }
        Header header;
        try {
            header = Header.parse(new String(prefix, 0, newline, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return problem(nameSeq, size, "unreadable header: " + e.getMessage());
        }
        long expected = newline + 1L + header.stateBytes() + 1L;
        String problem = null;
        if (header.seq() != nameSeq) {
            problem = "the header says seq " + header.seq() + " but the file name says seq " + nameSeq;
        } else if (header.stateBytes() > Snapshot.MAX_STATE_BYTES) {
            problem = "too large: the header announces " + header.stateBytes() + " state bytes, more than the "
                    + Snapshot.MAX_STATE_BYTES + " a snapshot may have; its bytes were not read";
        } else if (size < expected) {
            problem = "truncated: " + size + " of " + expected + " bytes";
        } else if (size > expected) {
            problem = size + " bytes where the header announces " + expected;
        } else if (header.schemaVersion() != Snapshot.CURRENT_SCHEMA) {
            problem = "unknown schema version " + header.schemaVersion() + " (this runtime reads "
                    + Snapshot.CURRENT_SCHEMA + ")";
        }
        Snapshot snapshot = null;
        if (problem == null) {
            byte[] state = readFully(channel, newline + 1L, (int) header.stateBytes());
            byte[] last = readFully(channel, expected - 1, 1);
            if (state.length < header.stateBytes() || last.length < 1) {
                problem = "truncated while it was read";
            } else if (last[0] != '\n') {
                problem = "truncated: the final newline is missing";
            } else {
                String actual = Snapshot.checksumOf(state);
                if (!actual.equals(header.checksum())) {
                    problem = "checksum mismatch: the header records " + header.checksum()
                            + ", the state hashes to " + actual;
                } else {
                    snapshot = new Snapshot(header.seq(), header.chainHash(), header.schemaVersion(), state);
                }
            }
        }
        SnapshotInfo info = new SnapshotInfo(nameSeq, header.chainHash(), header.schemaVersion(), header.checksum(),
                size, Optional.ofNullable(problem));
        return new Read(info, snapshot);
    }

    /** Up to {@code length} bytes from {@code position}: fewer only when the file ends first. */
    private static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return Arrays.copyOf(buffer.array(), buffer.position());
            }
        }
        return buffer.array();
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a directory";
        }
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        return "a special file (FIFO, socket or device)";
    }

    private static Read problem(long seq, long size, String problem) {
        return new Read(new SnapshotInfo(seq, "", 0, "", size, Optional.of(problem)), null);
    }

    /** The parsed header line; parsing is strict, in the one field order the writer uses. */
    private record Header(int schemaVersion, long seq, String chainHash, String checksum, long stateBytes) {

        static Header parse(String line) {
            Cursor c = new Cursor(line);
            c.expect("{\"schemaVersion\":");
            long schema = c.number();
            c.expect(",\"seq\":");
            long seq = c.number();
            c.expect(",\"chainHash\":\"");
            String chainHash = c.hash();
            c.expect("\",\"checksum\":\"");
            String checksum = c.hash();
            c.expect("\",\"stateBytes\":");
            long stateBytes = c.number();
            c.expect("}");
            c.end();
            if (schema > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("schemaVersion " + schema + " is out of range");
            }
            return new Header((int) schema, seq, chainHash, checksum, stateBytes);
        }
    }

    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        void expect(String literal) {
            if (!text.startsWith(literal, pos)) {
                throw new IllegalArgumentException("expected " + literal + " at character " + pos);
            }
            pos += literal.length();
        }

        long number() {
            int start = pos;
            long value = 0;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                int d = text.charAt(pos) - '0';
                if (value > (Long.MAX_VALUE - d) / 10) {
                    throw new IllegalArgumentException("number out of range at character " + start);
                }
                value = value * 10 + d;
                pos++;
            }
            if (pos == start) {
                throw new IllegalArgumentException("expected a number at character " + start);
            }
            return value;
        }

        String hash() {
            if (pos + 64 > text.length() || !ChainHead.isHash(text.substring(pos, pos + 64))) {
                throw new IllegalArgumentException("expected 64 lowercase hex digits at character " + pos);
            }
            pos += 64;
            return text.substring(pos - 64, pos);
        }

        void end() {
            if (pos != text.length()) {
                throw new IllegalArgumentException("unexpected characters after the header at character " + pos);
            }
        }
    }
}
