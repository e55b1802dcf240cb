package dev.paperplane.archfixtures.application;

import io.helidon.webserver.WebServer;

/** Breaks no HTTP API inside the runtime: the application builds a web server. */
public final class HttpServingUseCase {
    WebServer serve() {
        return WebServer.builder().build();
    }
}
