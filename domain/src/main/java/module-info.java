/** The deterministic paper-trading core: pure Java, state as a fold of audit events. */
module dev.paperplane.domain {
    exports dev.paperplane.domain.num;
    exports dev.paperplane.domain.market;
    exports dev.paperplane.domain.execution;
    exports dev.paperplane.domain.risk;
    exports dev.paperplane.domain.strategy;
    exports dev.paperplane.domain.decision;
    exports dev.paperplane.domain.audit;
    exports dev.paperplane.domain.session;
    exports dev.paperplane.domain.runtime;
    exports dev.paperplane.domain.ledger;
}
