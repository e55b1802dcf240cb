package dev.paperplane.bootstrap.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the line each dotted key is written on in a YAML text, for messages: Helidon's YAML source does not keep line
 * numbers. The values come from Helidon's parse alone: this reads only how the keys nest. Understands block
 * mappings, block sequences ({@code - key: value}) and one-line flow mappings ({@code params: { a: 1 }}); anything
 * else simply has no line.
 */
final class YamlLines {

    private YamlLines() {
    }

    private record Level(int indent, String path, boolean item) {
    }

    /**
     * The 1-based line of every dotted key written in {@code yaml} (e.g. {@code paperplane.strategies.1.id}), in one
     * pass over its lines; a key written twice keeps its first line. Only the structure is read, never a value.
     */
    static Map<String, Integer> index(String yaml) {
        String[] lines = yaml.split("\r?\n", -1);
        Map<String, Integer> index = new HashMap<>();
        Deque<Level> stack = new ArrayDeque<>();
        Map<String, Integer> itemCounts = new HashMap<>();
        for (int n = 0; n < lines.length; n++) {
            String line = stripComment(lines[n]);
            String body = line.strip();
            if (body.isEmpty() || body.equals("---")) {
                continue;
            }
            int indent = line.indexOf(body.charAt(0));
            boolean item = body.startsWith("- ") || body.equals("-");
            while (!stack.isEmpty() && (stack.peek().indent() > indent
                    || stack.peek().indent() == indent && (!item || stack.peek().item()))) {
                stack.pop();
            }
            String parent = stack.isEmpty() ? "" : stack.peek().path();
            if (item) {
                int itemIndex = itemCounts.merge(parent, 1, Integer::sum) - 1;
                String path = join(parent, Integer.toString(itemIndex));
                stack.push(new Level(indent, path, true));
                index.putIfAbsent(path, n + 1);
                body = body.substring(1).strip();
                indent = body.isEmpty() ? indent + 2 : line.indexOf(body, indent + 1);
                parent = path;
                if (body.isEmpty()) {
                    continue;
                }
            }
            int colon = body.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String path = join(parent, unquote(body.substring(0, colon).strip()));
            stack.push(new Level(indent, path, false));
            index.putIfAbsent(path, n + 1);
            String rest = body.substring(colon + 1).strip();
            if (rest.startsWith("{")) {
                int close = rest.lastIndexOf('}');
                for (String entry : rest.substring(1, close < 0 ? rest.length() : close).split(",")) {
                    int c = entry.indexOf(':');
                    if (c > 0) {
                        index.putIfAbsent(join(path, unquote(entry.substring(0, c).strip())), n + 1);
                    }
                }
            }
        }
        return index;
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("'") && name.endsWith("'"))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    private static String stripComment(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
