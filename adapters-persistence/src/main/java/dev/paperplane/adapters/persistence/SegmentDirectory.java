package dev.paperplane.adapters.persistence;

import dev.paperplane.application.audit.AuditCorruptionException;
import dev.paperplane.application.audit.AuditStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The audit segments a reader knows, by first seq, and the sizes of those behind its scan (sealed: the writer never
 * appends to a segment again once it has started the next). The directory is listed again only when the last
 * listing may no longer stand, so following an idle log costs two file-status calls rather than a listing per
 * request. Not thread-safe: the reader's lock guards it.
 */
final class SegmentDirectory {
    private final Layout layout;
    private final TreeMap<Long, Path> known = new TreeMap<>();
    private final TreeMap<Long, Long> sealedSizes = new TreeMap<>();
    // the scan's verified seq when the directory was last listed with the scan at its last segment (-1: never)
    private long listedAt = -1;

    SegmentDirectory(Layout layout) {
        this.layout = layout;
    }

    /**
     * Lists the segments; false while there is none.
     *
     * @throws AuditCorruptionException when the first segment does not start at seq 1
     */
    boolean list() throws IOException {
        known.putAll(layout.segments());
        if (known.isEmpty()) {
            return false;
        }
        if (known.firstKey() != 1) {
            throw new AuditCorruptionException(1, Layout.segmentName(1), 0, "the first segment is "
                    + known.firstEntry().getValue().getFileName() + ": the records before it are missing");
        }
        return true;
    }

    /** The known segment starting at {@code first}, or null. */
    Path path(long first) {
        return known.get(first);
    }

    /** The known segment holding {@code seq} if any record of it is there, or null. */
    Map.Entry<Long, Path> holding(long seq) {
        return known.floorEntry(seq);
    }

    /** The known segment before the one starting at {@code first}, or null. */
    Map.Entry<Long, Path> before(long first) {
        return known.lowerEntry(first);
    }

    /** Remembers a segment the scan has entered. */
    void enter(Map.Entry<Long, Path> segment) {
        known.put(segment.getKey(), segment.getValue());
    }

    /** Remembers the segments a stream has entered. */
    void enterAll(Map<Long, Path> entered) {
        known.putAll(entered);
    }

    /**
     * The segment after the scan's, if one exists: from a new listing unless the last one stands (see
     * {@link #listingStands}).
     */
    Map.Entry<Long, Path> following(LogPosition front) throws IOException {
        if (listingStands(front)) {
            return null;
        }
        Map.Entry<Long, Path> next = layout.segments().higherEntry(front.segment());
        listedAt = next == null ? front.head().seq() : -1;
        return next;
    }

    /**
     * The segments a stream from {@code segment} reads: the known ones from there, and any a listing adds. The
     * known ones stand in for a listing when the scan is at the last known segment and the listing stands.
     */
    NavigableMap<Long, Path> fromSegment(long segment, LogPosition front) throws IOException {
        TreeMap<Long, Path> listed = listing(front);
        listed.putAll(known.tailMap(segment));
        return listed;
    }

    /** The bytes and number of the segments; {@code front} is the scan's, or null before the scan started. */
    AuditStorage storage(LogPosition front) throws IOException {
        TreeMap<Long, Path> listed = front == null ? layout.segments() : listing(front);
        long bytes = 0;
        for (Map.Entry<Long, Path> segment : listed.entrySet()) {
            bytes += sizeOf(segment.getKey(), segment.getValue(), front);
        }
        return new AuditStorage(layout.data.toString(), bytes, listed.size());
    }

    private TreeMap<Long, Path> listing(LogPosition front) throws IOException {
        if (known.lastKey() == front.segment() && listingStands(front)) {
            return new TreeMap<>(known);
        }
        return layout.segments();
    }

    /** A segment's size; remembered once the scan has left the segment. */
    private long sizeOf(long first, Path path, LogPosition front) throws IOException {
        Long sealed = sealedSizes.get(first);
        if (sealed != null) {
            return sealed;
        }
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            return 0;   // removed between listing and sizing: it holds nothing any more
        }
        if (front != null && first < front.segment() && path.equals(known.get(first))) {
            sealedSizes.put(first, size);
        }
        return size;
    }

    /**
     * Whether the last listing still stands: the scan has not moved since a listing found no segment after its
     * own, and no segment named for the next seq has appeared (the writer starts each segment at a batch boundary,
     * with that name).
     */
    private boolean listingStands(LogPosition front) {
        long nextFirst = front.nextSeq();
        return listedAt == front.head().seq()
                && (nextFirst == front.segment() || !Files.exists(layout.segment(nextFirst)));
    }
}
