package dev.paperplane.archfixtures.adapters.observer;

import io.helidon.webserver.http.HttpRouting;

/** Planted violation: an observer route that accepts a POST, i.e. a Phase 3 command endpoint. */
public final class CommandAcceptingObserver {

    /** Registers a "tick" command. */
    public static HttpRouting.Builder routing() {
        return HttpRouting.builder().post("/observer/v1/tick", (req, res) -> res.send("ticked"));
    }
}
