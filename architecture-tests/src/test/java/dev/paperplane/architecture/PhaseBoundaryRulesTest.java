package dev.paperplane.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.lang.module.ModuleReference;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The roadmap's guarantees, checked against the production classes of every module. */
class PhaseBoundaryRulesTest {

    private static final Roots ROOTS = Roots.PRODUCTION;
    private static final Map<String, ModuleReference> MODULES = ModuleGraph.productionModules();
    private final JavaClasses classes = ImportedClasses.production();

    static Set<String> productionModules() {
        return MODULES.keySet();
    }

    @Test
    void productionScanSeesTheCodeBaseButNoTestsOrFixtures() {
        assertThat(classes.contain(ROOTS.domain() + ".execution.ExecutionPlane")).isTrue();
        assertThat(classes.contain(ROOTS.application() + ".audit.append.AuditAppendPort")).isTrue();
        assertThat(classes.stream().map(JavaClass::getName))
                .noneMatch(name -> name.startsWith(Roots.FIXTURES.base() + "."))
                .noneMatch(name -> name.endsWith("Test") || name.contains("Test$"))
                .noneMatch(name -> name.startsWith(getClass().getPackageName() + "."));
    }

    @Test
    void layersDependOnlyInwards() {
        Guarantees.hexagonalLayering(ROOTS).check(classes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("productionModules")
    void packagesOfEveryModuleAreFreeOfCycles(String module) {
        Guarantees.packagesAreFreeOfCycles(module, MODULES.get(module).descriptor().packages()).check(classes);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        Guarantees.adaptersAreIndependent(ROOTS).check(classes);
    }

    @Test
    void observerUsesNoWritePort() {
        Guarantees.observerUsesNoWritePort(ROOTS).check(classes);
    }

    @Test
    void observerDrivesNoSession() {
        Guarantees.observerDrivesNoSession(ROOTS).check(classes);
    }

    @Test
    void observerUsesNoPersistenceAdapter() {
        Guarantees.observerUsesNoPersistenceAdapter(ROOTS).check(classes);
    }

    @Test
    void observerWritesNoFilesAndTakesNoLocks() {
        Guarantees.observerWritesNoFilesAndTakesNoLocks(ROOTS).check(classes);
    }

    @Test
    void observerReadsNoClockOrRandomness() {
        Guarantees.observerReadsNoClockOrRandomness(ROOTS).check(classes);
    }

    @Test
    void coreReadsNoClock() {
        Guarantees.coreReadsNoClock(ROOTS).check(classes);
    }

    @Test
    void coreUsesNoRandomness() {
        Guarantees.coreUsesNoRandomness(ROOTS).check(classes);
    }

    @Test
    void domainUsesNoHashOrderedCollections() {
        Guarantees.domainUsesNoHashOrderedCollections(ROOTS).check(classes);
    }

    @Test
    void domainHoldsNoFloatingPoint() {
        Guarantees.domainHoldsNoFloatingPoint(ROOTS).check(classes);
    }

    @Test
    void auditPortsOfferNoWayToRewriteHistory() {
        Guarantees.auditPortsOfferNoWayToRewriteHistory(ROOTS).check(classes);
    }

    @Test
    void noBackgroundLoops() {
        Guarantees.noBackgroundLoops(ROOTS).check(classes);
    }

    @Test
    void noHttpServerOutsideTheObserver() {
        Guarantees.noHttpServerOutsideTheObserver(ROOTS).check(classes);
    }

    @Test
    void observerRegistersOnlyGetAndHead() {
        Guarantees.observerRegistersOnlyGetAndHead(ROOTS).check(classes);
    }

    @Test
    void runPathBuildsNoWebServer() {
        Guarantees.runPathBuildsNoWebServer(ROOTS).check(classes);
    }

    @Test
    void noUserInterfaceToolkit() {
        Guarantees.noUserInterfaceToolkit(ROOTS).check(classes);
    }

    @Test
    void noRemoteControlEndpoint() {
        Guarantees.noRemoteControlEndpoint(ROOTS).check(classes);
    }

    @Test
    void noFieldNamesAnotherPlane() {
        Guarantees.noFieldNamesAnotherPlane(ROOTS).check(classes);
    }

    @Test
    void executionPlaneHasOnlyPaper() throws ClassNotFoundException {
        assertThat(Guarantees.otherExecutionPlanes(ROOTS))
                .as(Guarantees.PAPER_ONLY + ": ExecutionPlane declares no constant but PAPER")
                .isEmpty();
    }
}
