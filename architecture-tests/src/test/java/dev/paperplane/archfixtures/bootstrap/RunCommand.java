package dev.paperplane.archfixtures.bootstrap;

import io.helidon.webserver.WebServer;

/** Breaks no HTTP API inside the runtime: the run path builds a web server. */
public final class RunCommand {
    WebServer alsoServe() {
        return WebServer.builder().build();
    }
}
