package dev.paperplane.adapters.observer;

import dev.paperplane.domain.num.Decimals;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of the analytics records: a record becomes an object of its components in lexicographic order,
 * a decimal its canonical string (8 fraction digits), an instant its ISO-8601 UTC text, a map an object, absent
 * figures null. One rule for every performance body instead of a view class per record.
 */
final class PerformanceJson {
    private PerformanceJson() {
    }

    /** The JSON-B-ready tree of {@code value}. */
    static Object tree(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> Decimals.format(d);
            case Instant t -> Views.time(t);
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Map<?, ?> map -> {
                TreeMap<String, Object> out = new TreeMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), tree(v)));
                yield out;
            }
            case Collection<?> list -> {
                ArrayList<Object> out = new ArrayList<>();
                list.forEach(v -> out.add(tree(v)));
                yield out;
            }
            case Record record -> fields(record);
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        };
    }

    private static TreeMap<String, Object> fields(Record record) {
        TreeMap<String, Object> out = new TreeMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                out.put(component.getName(), tree(component.getAccessor().invoke(record)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of "
                        + record.getClass().getSimpleName(), e);
            }
        }
        return out;
    }
}
