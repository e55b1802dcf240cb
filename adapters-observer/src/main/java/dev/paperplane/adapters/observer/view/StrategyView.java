package dev.paperplane.adapters.observer.view;

import java.util.SortedMap;

/** A configured strategy and its parameters. */
public record StrategyView(String id, String kind, int version, SortedMap<String, String> params) {
}
