package dev.paperplane.application.audit;

import dev.paperplane.domain.execution.ExecutionPlane;
import dev.paperplane.domain.execution.FeeModel;
import dev.paperplane.domain.risk.RiskLimits;
import dev.paperplane.domain.session.RuntimeConfig;
import dev.paperplane.domain.strategy.StrategySpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The canonical JSON of a configuration, written and read in one place: what {@code SessionStarted} carries and
 * what its fingerprint hashes.
 */
final class ConfigSchema {
    private static final ExecutionPlane[] PLANES = ExecutionPlane.values();

    private ConfigSchema() {
    }

    static void write(RuntimeConfig config, CanonicalJsonWriter out) {
        out.raw("{\"environment\":").string(config.environment());
        out.raw(",\"plane\":").string(config.plane().name());
        out.decimalField("initialCash", config.initialCash());
        out.raw(",\"fees\":{\"slippageBps\":").number(config.fees().slippageBps())
                .raw(",\"feeBps\":").number(config.fees().feeBps()).raw("}");
        out.raw(",\"risk\":{\"maxPosition\":").decimal("maxPosition", config.risk().maxPosition());
        out.decimalField("maxOrderNotional", config.risk().maxOrderNotional());
        out.decimalField("maxShort", config.risk().maxShort());
        out.raw("},\"strategies\":[");
        boolean firstStrategy = true;
        for (StrategySpec spec : config.strategies()) {
            if (!firstStrategy) {
                out.raw(",");
            }
            firstStrategy = false;
            out.raw("{\"id\":").string(spec.id());
            out.raw(",\"kind\":").string(spec.kind());
            out.raw(",\"version\":").number(spec.version());
            out.raw(",\"params\":{").sortedEntries(spec.params(), (name, value) -> out.string(value)).raw("}}");
        }
        out.raw("]}");
    }

    static RuntimeConfig read(CanonicalJsonReader in) {
        in.expect("{\"environment\":");
        String environment = in.string();
        in.expect(",\"plane\":");
        ExecutionPlane plane = in.enumValue(PLANES, "plane");
        in.expect(",\"initialCash\":");
        BigDecimal initialCash = in.decimal();
        in.expect(",\"fees\":{\"slippageBps\":");
        int slippage = in.signedInt("slippageBps");
        in.expect(",\"feeBps\":");
        int fee = in.signedInt("feeBps");
        in.expect("},\"risk\":{\"maxPosition\":");
        BigDecimal maxPosition = in.decimal();
        in.expect(",\"maxOrderNotional\":");
        BigDecimal maxOrderNotional = in.decimal();
        in.expect(",\"maxShort\":");
        BigDecimal maxShort = in.decimal();
        in.expect("},\"strategies\":[");
        List<StrategySpec> strategies = new ArrayList<>();
        if (in.peek() != ']') {
            do {
                strategies.add(strategy(in));
            } while (in.comma());
        }
        in.expect("]}");
        return new RuntimeConfig(environment, plane, initialCash, new FeeModel(slippage, fee),
                new RiskLimits(maxPosition, maxOrderNotional, maxShort), strategies);
    }

    private static StrategySpec strategy(CanonicalJsonReader in) {
        in.expect("{\"id\":");
        String id = in.string();
        in.expect(",\"kind\":");
        String kind = in.string();
        in.expect(",\"version\":");
        int version = in.signedInt("version");
        in.expect(",\"params\":{");
        SortedMap<String, String> params = in.sortedEntries("params", in::string);
        in.expect("}}");
        return new StrategySpec(id, kind, version, params);
    }
}
