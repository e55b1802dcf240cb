/** Configuration, wiring and the {@code paperplane} command line. */
module dev.paperplane.bootstrap {
    requires dev.paperplane.application;
    requires dev.paperplane.adapters.persistence;
    requires dev.paperplane.adapters.persistence.postgres;
    requires dev.paperplane.adapters.observer;
    requires io.helidon.config;
    requires io.helidon.config.yaml;
    requires io.helidon.common.media.type;
    requires java.logging;
    requires java.net.http;
}
