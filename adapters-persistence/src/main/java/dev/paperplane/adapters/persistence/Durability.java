package dev.paperplane.adapters.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** How an appended batch is made durable; a seam so tests can make {@code force} fail. */
@FunctionalInterface
interface Durability {
    /** Forces data and metadata to stable storage, the default. */
    Durability FSYNC = channel -> channel.force(true);

    void force(FileChannel channel) throws IOException;
}
