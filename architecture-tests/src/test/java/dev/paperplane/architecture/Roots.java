package dev.paperplane.architecture;

/**
 * The package roots a rule is evaluated against. Production rules use {@link #PRODUCTION}; the proofs that
 * each rule can fail use {@link #FIXTURES}, a mirror of the same layout holding planted violations.
 */
record Roots(String base) {

    /** The real code base. */
    static final Roots PRODUCTION = new Roots("dev.paperplane");
    /** The planted violations in this module's test sources. */
    static final Roots FIXTURES = new Roots("dev.paperplane.archfixtures");

    String domain() {
        return base + ".domain";
    }

    String application() {
        return base + ".application";
    }

    String adapters() {
        return base + ".adapters";
    }

    /** The file store and every future store (e.g. {@code ….persistence.postgres}). */
    String persistence() {
        return adapters() + ".persistence";
    }

    String observer() {
        return adapters() + ".observer";
    }

    String bootstrap() {
        return base + ".bootstrap";
    }

    /** The audit write port: appending to the hash chain. */
    String auditAppend() {
        return application() + ".audit.append";
    }

    /** The snapshot write port. */
    String snapshotStore() {
        return application() + ".snapshot.store";
    }

    /** The session use case: the only thing that runs strategies and writes events. */
    String session() {
        return application() + ".session";
    }

    /** ArchUnit's "this package and everything below it". */
    static String below(String pkg) {
        return pkg + "..";
    }
}
