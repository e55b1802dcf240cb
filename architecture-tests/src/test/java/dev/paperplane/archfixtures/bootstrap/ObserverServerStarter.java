package dev.paperplane.archfixtures.bootstrap;

import io.helidon.webserver.WebServer;

/**
 * The allowed exception to "no background loops": starting the observer's server from bootstrap. Must NOT be
 * reported, also not through its anonymous class.
 */
public final class ObserverServerStarter {
    void start(WebServer server) {
        Runnable starter = new Runnable() {
            @Override
            public void run() {
                new Thread(server::start).start();
            }
        };
        starter.run();
    }
}
