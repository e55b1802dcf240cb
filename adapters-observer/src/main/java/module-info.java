/** The read-only HTTP observer: Helidon SE, GET and HEAD only, reading through read ports only. */
module dev.paperplane.adapters.observer {
    requires transitive dev.paperplane.application;
    requires io.helidon.webserver;

}
