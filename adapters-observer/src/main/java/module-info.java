/**
 * The read-only HTTP observer: Helidon SE, GET and HEAD only, reading through read ports only. It needs no
 * write port, and the application module does not export those to it.
 */
module dev.paperplane.adapters.observer {
    requires transitive dev.paperplane.application;
    requires transitive io.helidon.webserver;
    requires io.helidon.http;
    requires io.helidon.http.media;
    requires io.helidon.http.media.jsonb;
    requires io.helidon.common.media.type;
    requires io.helidon.webserver.observe;
    requires io.helidon.webserver.observe.health;
    requires io.helidon.webserver.observe.metrics;
    requires io.helidon.health;
    requires io.helidon.metrics.api;
    requires io.helidon.common.tls;
    requires io.helidon.common.pki;
    requires io.helidon.common.socket;
    requires io.helidon.common.configurable;
    requires transitive jakarta.json;
    requires jakarta.json.bind;

    exports dev.paperplane.adapters.observer;
    exports dev.paperplane.adapters.observer.view;
}
