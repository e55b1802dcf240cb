/**
 * The JSON documents the observer answers with. Yasson reads these records reflectively through a public
 * lookup, so this package is exported unconditionally. Properties are written in lexicographic order,
 * decimals as strings with 8 fraction digits and times as ISO-8601 instants; nulls are written.
 */
package dev.paperplane.adapters.observer.view;
