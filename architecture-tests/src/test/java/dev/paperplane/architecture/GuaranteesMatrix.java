package dev.paperplane.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The guarantees matrix of {@code docs/guarantees.md}: its table parsed into rows, and the checks that every
 * row names tests and that every named test exists in the repository's test sources.
 */
final class GuaranteesMatrix {

    static final String DOCUMENT = "docs/guarantees.md";
    static final List<String> HEADER = List.of("Guarantee", "Phase", "Enforced by");
    static final Set<String> PHASES = Set.of("1.5", "2", "2.1");

    /** Every guarantee of the binding roadmap, by phase: each must have its row. */
    static final List<String> ROADMAP = List.of(
            "Deterministic core logic", "Replay-based runtime initialization", "Append-only audit persistence",
            "Snapshot-based ShadowLedger recovery", "PAPER execution plane only", "No background loops",
            "No HTTP API inside the runtime", "No UI", "No external control surface",
            "Observability is passive", "Observability is deterministic",
            "Observability cannot affect runtime outcome", "Observability endpoints are safe under restart",
            "Pagination and limits for large audit logs", "Aggregated summaries instead of raw streams",
            "Explicit versioning of observer endpoints", "Strict response size limits");

    private static final Pattern REFERENCE = Pattern.compile("([A-Z][A-Za-z0-9_]*)#([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SEPARATOR = Pattern.compile("\\|[\\s:|-]*-{3,}[\\s:|-]*");

    /** One row of the table; {@code line} is 1-based in the document. */
    record Row(int line, String guarantee, String phase, List<String> enforcedBy) {
    }

    /** Answers whether a test method exists. */
    interface TestIndex {
        boolean exists(String className, String method);
    }

    private GuaranteesMatrix() {
    }

    /**
     * Parses the one table whose header is {@code | Guarantee | Phase | Enforced by |}.
     *
     * @throws IllegalArgumentException when the table is missing or a row does not have three cells
     */
    static List<Row> parse(String markdown) {
        String[] lines = markdown.split("\\R", -1);
        int header = -1;
        for (int i = 0; i < lines.length && header < 0; i++) {
            if (isTableLine(lines[i]) && cells(lines[i]).equals(HEADER)) {
                header = i;
            }
        }
        if (header < 0) {
            throw new IllegalArgumentException("no table with header | Guarantee | Phase | Enforced by |");
        }
        if (header + 1 >= lines.length || !SEPARATOR.matcher(lines[header + 1].trim()).matches()) {
            throw new IllegalArgumentException("line " + (header + 2) + ": expected the table's |---| separator row");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.length && isTableLine(lines[i]); i++) {
            List<String> cells = cells(lines[i]);
            if (cells.size() != HEADER.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 3 cells, found " + cells.size()
                        + ": " + lines[i]);
            }
            List<String> enforcedBy = Arrays.stream(cells.get(2).split(","))
                    .map(reference -> reference.replace("`", "").trim())
                    .filter(reference -> !reference.isEmpty())
                    .toList();
            rows.add(new Row(i + 1, cells.get(0), cells.get(1), enforcedBy));
        }
        return rows;
    }

    private static boolean isTableLine(String line) {
        return line.trim().startsWith("|");
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        String inner = trimmed.substring(1, trimmed.endsWith("|") && trimmed.length() > 1
                ? trimmed.length() - 1 : trimmed.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
    }

    static List<String> rowsWithoutTests(List<Row> rows) {
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add("the table has no rows");
        }
        rows.stream().filter(row -> row.enforcedBy().isEmpty()).forEach(row -> problems.add(
                "line " + row.line() + ": '" + row.guarantee() + "' names no enforcing test"));
        return problems;
    }

    static List<String> unknownTests(List<Row> rows, TestIndex index) {
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            for (String reference : row.enforcedBy()) {
                Matcher matcher = REFERENCE.matcher(reference);
                if (!matcher.matches()) {
                    problems.add("line " + row.line() + ": '" + reference + "' is not ClassName#methodName");
                } else if (!index.exists(matcher.group(1), matcher.group(2))) {
                    problems.add("line " + row.line() + ": " + reference
                            + " is not a @Test, @ParameterizedTest or @RepeatedTest method in any */src/test/java");
                }
            }
        }
        return problems;
    }

    /** The roadmap guarantees that have no row, in roadmap order. */
    static List<String> missingGuarantees(List<Row> rows, List<String> roadmap) {
        Set<String> present = new TreeSet<>();
        rows.forEach(row -> present.add(row.guarantee()));
        return roadmap.stream().filter(g -> !present.contains(g)).toList();
    }

    static List<String> malformedRows(List<Row> rows) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Row row : rows) {
            if (row.guarantee().isEmpty()) {
                problems.add("line " + row.line() + ": the guarantee cell is empty");
            } else if (!seen.add(row.guarantee())) {
                problems.add("line " + row.line() + ": '" + row.guarantee() + "' appears twice");
            }
            if (!PHASES.contains(row.phase())) {
                problems.add("line " + row.line() + ": phase '" + row.phase() + "' is not one of "
                        + new TreeSet<>(PHASES));
            }
        }
        return problems;
    }

    /** Finds the repository root: the nearest directory at or above {@code start} holding the matrix. */
    static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DOCUMENT))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + DOCUMENT + " at or above " + start.toAbsolutePath());
    }

    /**
     * Test methods found in {@code <root>/<module>/src/test/java/**}{@code /<ClassName>.java}, read as source:
     * a method counts when {@code @Test}, {@code @ParameterizedTest} or {@code @RepeatedTest} annotates it.
     */
    static final class SourceTestIndex implements TestIndex {
        private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\"");
        private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\\\n])*\"");
        private static final Pattern TEST_METHOD = Pattern.compile(
                "@(?:Test|ParameterizedTest|RepeatedTest)\\b(?:\\s*\\([^()]*\\))?"
                        + "(?:\\s*@[\\w.]+(?:\\s*\\([^()]*\\))?|\\s*(?:public|protected|private|static|final))*"
                        + "\\s*void\\s+(\\w+)\\s*\\(");

        private final Path root;
        private final Map<String, Set<String>> methodsByClass = new HashMap<>();

        SourceTestIndex(Path root) {
            this.root = root;
        }

        @Override
        public boolean exists(String className, String method) {
            return methodsByClass.computeIfAbsent(className, this::testMethodsOf).contains(method);
        }

        private Set<String> testMethodsOf(String className) {
            Set<String> methods = new TreeSet<>();
            try (Stream<Path> modules = Files.list(root)) {
                for (Path testSources : modules.map(module -> module.resolve("src/test/java"))
                        .filter(Files::isDirectory).toList()) {
                    try (Stream<Path> files = Files.walk(testSources)) {
                        for (Path file : files.filter(f -> f.getFileName().toString().equals(className + ".java"))
                                .toList()) {
                            methods.addAll(testMethodsIn(Files.readString(file, StandardCharsets.UTF_8)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return methods;
        }

        static Set<String> testMethodsIn(String source) {
            String withoutStrings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll("\"\"")).replaceAll("\"\"");
            Set<String> methods = new TreeSet<>();
            Matcher matcher = TEST_METHOD.matcher(withoutStrings);
            while (matcher.find()) {
                methods.add(matcher.group(1));
            }
            return methods;
        }
    }
}
