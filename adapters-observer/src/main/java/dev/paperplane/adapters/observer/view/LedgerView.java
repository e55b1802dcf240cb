package dev.paperplane.adapters.observer.view;

import java.util.SortedMap;

/**
 * The reconstructed ShadowLedger after one seq.
 *
 * @param seq       the last seq folded into it
 * @param chainHash the log's chain hash at {@code seq}
 * @param positions open positions by instrument
 * @param marks     the latest close per instrument
 */
public record LedgerView(long seq, String chainHash, String cash, SortedMap<String, PositionView> positions,
                         String realizedPnl, String unrealizedPnl, String feesPaid, String equity,
                         SortedMap<String, String> marks) {
}
