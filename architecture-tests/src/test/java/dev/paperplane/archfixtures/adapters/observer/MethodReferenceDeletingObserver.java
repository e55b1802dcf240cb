package dev.paperplane.archfixtures.adapters.observer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Breaks passive observability through a method reference rather than a call. */
public final class MethodReferenceDeletingObserver {
    interface IoAction {
        boolean apply(Path path) throws java.io.IOException;
    }

    List<IoAction> cleanups() {
        return List.of(Files::deleteIfExists);
    }
}
