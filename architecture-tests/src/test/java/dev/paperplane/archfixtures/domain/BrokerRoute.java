package dev.paperplane.archfixtures.domain;

/** Breaks PAPER only: a constant named after a broker plane. */
public final class BrokerRoute {
    static final String BROKER_ENDPOINT = "fixture";
}
