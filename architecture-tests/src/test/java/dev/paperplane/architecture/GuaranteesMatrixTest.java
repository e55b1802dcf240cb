package dev.paperplane.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperplane.architecture.GuaranteesMatrix.Row;
import dev.paperplane.architecture.GuaranteesMatrix.SourceTestIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docs/guarantees.md} names, for every guarantee it lists, tests that exist. */
class GuaranteesMatrixTest {

    private static final Path ROOT = GuaranteesMatrix.repositoryRoot(Path.of(""));
    private static final List<Row> ROWS = readMatrix();

    private static List<Row> readMatrix() {
        try {
            return GuaranteesMatrix.parse(Files.readString(ROOT.resolve(GuaranteesMatrix.DOCUMENT),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + GuaranteesMatrix.DOCUMENT, e);
        }
    }

    private static final String TABLE = """
            Intro.

            | Guarantee | Phase | Enforced by |
            |---|---|---|
            %s

            After the table.
            """;

    // ---- The real matrix -----------------------------------------------------------------------------

    @Test
    void everyGuaranteeRowNamesAtLeastOneTest() {
        assertThat(GuaranteesMatrix.rowsWithoutTests(ROWS)).isEmpty();
    }

    @Test
    void everyRoadmapGuaranteeHasARow() {
        assertThat(GuaranteesMatrix.missingGuarantees(ROWS, GuaranteesMatrix.ROADMAP)).isEmpty();
    }

    @Test
    void everyNamedTestExists() {
        assertThat(GuaranteesMatrix.unknownTests(ROWS, new SourceTestIndex(ROOT))).isEmpty();
    }

    @Test
    void everyRowHasAKnownPhaseAndAUniqueGuarantee() {
        assertThat(GuaranteesMatrix.malformedRows(ROWS)).isEmpty();
    }

    // ---- The checks can fail -------------------------------------------------------------------------

    @Test
    void aRoadmapGuaranteeWithoutARowIsReported() {
        List<Row> rows = GuaranteesMatrix.parse(TABLE.formatted("| No UI | 1.5 | ModuleGraphTest#noModuleShipsUiAssets |"));

        assertThat(GuaranteesMatrix.missingGuarantees(rows, List.of("No UI", "No background loops")))
                .containsExactly("No background loops");
    }

    @Test
    void aRowWithEmptyEnforcedByIsReported() {
        List<Row> rows = GuaranteesMatrix.parse(TABLE.formatted("| No UI | 1.5 |  |"));
        assertThat(GuaranteesMatrix.rowsWithoutTests(rows))
                .containsExactly("line 5: 'No UI' names no enforcing test");
    }

    @Test
    void aTableWithoutRowsIsReported() {
        assertThat(GuaranteesMatrix.rowsWithoutTests(GuaranteesMatrix.parse(TABLE.formatted(""))))
                .containsExactly("the table has no rows");
    }

    @Test
    void aReferenceToATestThatDoesNotExistIsReported() {
        List<Row> rows = GuaranteesMatrix.parse(TABLE.formatted(
                "| No UI | 1.5 | PhaseBoundaryRulesTest#noUserInterfaceToolkit, PhaseBoundaryRulesTest#noSuchTest |"));
        assertThat(GuaranteesMatrix.unknownTests(rows, new SourceTestIndex(ROOT))).containsExactly(
                "line 5: PhaseBoundaryRulesTest#noSuchTest is not a @Test, @ParameterizedTest or @RepeatedTest"
                        + " method in any */src/test/java");
    }

    @Test
    void aReferenceThatIsNotClassHashMethodIsReported() {
        List<Row> rows = GuaranteesMatrix.parse(TABLE.formatted("| No UI | 1.5 | the UI rule |"));
        assertThat(GuaranteesMatrix.unknownTests(rows, (className, method) -> true))
                .containsExactly("line 5: 'the UI rule' is not ClassName#methodName");
    }

    @Test
    void anUnknownPhaseAndADuplicateGuaranteeAreReported() {
        List<Row> rows = GuaranteesMatrix.parse(TABLE.formatted("""
                | No UI | 1.5 | A#b |
                | No UI | 3 | A#b |"""));
        assertThat(GuaranteesMatrix.malformedRows(rows)).containsExactly(
                "line 6: 'No UI' appears twice", "line 6: phase '3' is not one of [1.5, 2, 2.1]");
    }

    @Test
    void aDocumentWithoutTheTableIsRejected() {
        assertThatThrownBy(() -> GuaranteesMatrix.parse("| Guarantee | Enforced by |\n|---|---|\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no table with header");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRejected() {
        assertThatThrownBy(() -> GuaranteesMatrix.parse(TABLE.formatted("| No UI | A#b |")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 5: expected 3 cells, found 2");
    }

    @Test
    void onlyAnnotatedTestMethodsAreFoundInSources() {
        String source = """
                class SampleTest {
                    @Test
                    void plain() {
                    }

                    @ParameterizedTest(name = "{0} is {1}")
                    @ValueSource(strings = {"a", "b"})
                    void parameterized(String value) {
                    }

                    @RepeatedTest(3)
                    public void repeated() {
                    }

                    @TestFactory
                    Stream<DynamicTest> factory() {
                        return Stream.empty();
                    }

                    void helper() {
                    }
                }
                """;
        assertThat(SourceTestIndex.testMethodsIn(source)).containsExactly("parameterized", "plain", "repeated");
    }

    @Test
    void testSourcesAreFoundInAnyModuleOfTheRepository(@TempDir Path repository) throws IOException {
        Path sources = Files.createDirectories(repository.resolve("some-module/src/test/java/x/y"));
        Files.writeString(sources.resolve("SampleTest.java"), "class SampleTest { @Test void works() {} }");
        SourceTestIndex index = new SourceTestIndex(repository);
        assertThat(index.exists("SampleTest", "works")).isTrue();
        assertThat(index.exists("SampleTest", "missing")).isFalse();
        assertThat(index.exists("OtherTest", "works")).isFalse();
    }
}
