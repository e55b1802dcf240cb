package dev.paperplane.adapters.observer.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The columns of one CSV table: each a name for the header row and how its field is read from an item, kept side
 * by side so the header and the rows cannot drift apart.
 *
 * @param <T> the items, one per row
 */
public final class CsvColumns<T> {
    private final List<String> names;
    private final List<Function<? super T, String>> fields;

    private CsvColumns(List<String> names, List<Function<? super T, String>> fields) {
        this.names = List.copyOf(names);
        this.fields = List.copyOf(fields);
    }

    /** A table of no columns yet. */
    public static <T> CsvColumns<T> of() {
        return new CsvColumns<>(List.of(), List.of());
    }

    /** These columns and one more, {@code name}, whose field is {@code field} of the item (null is written empty). */
    public CsvColumns<T> and(String name, Function<? super T, String> field) {
        Objects.requireNonNull(field, "field");
        if (names.contains(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("column '" + name + "' is named twice");
        }
        List<String> moreNames = new ArrayList<>(names);
        moreNames.add(name);
        List<Function<? super T, String>> moreFields = new ArrayList<>(fields);
        moreFields.add(field);
        return new CsvColumns<>(moreNames, moreFields);
    }

    /** The column names, in order. */
    public List<String> names() {
        return names;
    }

    /** The header row. */
    public byte[] header() {
        return CsvWriter.record(names);
    }

    /** The row of {@code item}. */
    public byte[] row(T item) {
        List<String> values = new ArrayList<>(fields.size());
        for (Function<? super T, String> field : fields) {
            values.add(field.apply(item));
        }
        return CsvWriter.record(values);
    }
}
