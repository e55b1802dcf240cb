package dev.paperplane.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.paperplane.archfixtures.adapters.observer.AppendingObserver;
import dev.paperplane.archfixtures.adapters.observer.CommandAcceptingObserver;
import dev.paperplane.archfixtures.adapters.observer.FileWritingObserver;
import dev.paperplane.archfixtures.adapters.observer.LockingObserver;
import dev.paperplane.archfixtures.adapters.observer.MethodReferenceDeletingObserver;
import dev.paperplane.archfixtures.adapters.observer.SchedulingObserver;
import dev.paperplane.archfixtures.adapters.observer.SessionDrivingObserver;
import dev.paperplane.archfixtures.adapters.observer.StoreReadingObserver;
import dev.paperplane.archfixtures.adapters.observer.StreamWritingObserver;
import dev.paperplane.archfixtures.adapters.observer.SwingDashboard;
import dev.paperplane.archfixtures.adapters.observer.TimestampingObserver;
import dev.paperplane.archfixtures.adapters.persistence.ReachesIntoObserver;
import dev.paperplane.archfixtures.application.HttpServingUseCase;
import dev.paperplane.archfixtures.application.RandomisingUseCase;
import dev.paperplane.archfixtures.application.ThreadStartingUseCase;
import dev.paperplane.archfixtures.application.audit.AuditPortNamingItsAppender;
import dev.paperplane.archfixtures.application.audit.RewritingAuditPort;
import dev.paperplane.archfixtures.application.audit.append.AppenderNamingItsAuditPort;
import dev.paperplane.archfixtures.bootstrap.BackgroundRefresher;
import dev.paperplane.archfixtures.bootstrap.ObserverServerStarter;
import dev.paperplane.archfixtures.bootstrap.RemoteControlListener;
import dev.paperplane.archfixtures.bootstrap.RunCommand;
import dev.paperplane.archfixtures.domain.BrokerRoute;
import dev.paperplane.archfixtures.domain.ClockReadingDomain;
import dev.paperplane.archfixtures.domain.CollectingDomain;
import dev.paperplane.archfixtures.domain.FloatingPrice;
import dev.paperplane.archfixtures.domain.HashingDomain;
import dev.paperplane.archfixtures.domain.ReachesIntoApplication;
import dev.paperplane.archfixtures.domain.UuidMintingDomain;
import dev.paperplane.archfixtures.domain.audit.EventHoldingRuntimeState;
import dev.paperplane.archfixtures.domain.execution.ExecutionPlane;
import dev.paperplane.archfixtures.domain.runtime.RuntimeFoldingEvents;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Proves every rule of {@link Guarantees} can fail: each is evaluated against the planted fixtures and must
 * report the fixture that breaks it, under the name of the guarantee it protects.
 */
class RulesCanFailTest {

    private static final Roots ROOTS = Roots.FIXTURES;
    private final JavaClasses fixtures = ImportedClasses.fixtures();

    private String violationsOf(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as("rule %s reports a violation", rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }

    private void assertReported(ArchRule rule, String guarantee, Class<?>... offenders) {
        String report = violationsOf(rule);
        assertThat(report).contains(guarantee);
        for (Class<?> offender : offenders) {
            assertThat(report).contains(offender.getName());
        }
    }

    @Test
    void layeringRuleReportsADomainClassReachingIntoTheApplication() {
        assertReported(Guarantees.hexagonalLayering(ROOTS), Guarantees.HEXAGONAL, ReachesIntoApplication.class);
    }

    @Test
    void packageCycleRuleReportsSiblingPackagesAndAPackageWithItsSubPackageThatDependOnEachOther() {
        Set<String> packages = fixtures.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        assertReported(Guarantees.packagesAreFreeOfCycles("the fixtures", packages), Guarantees.NO_PACKAGE_CYCLES,
                EventHoldingRuntimeState.class, RuntimeFoldingEvents.class,
                AuditPortNamingItsAppender.class, AppenderNamingItsAuditPort.class);
    }

    @Test
    void adapterIndependenceRuleReportsAStoreReachingIntoTheObserver() {
        assertReported(Guarantees.adaptersAreIndependent(ROOTS), Guarantees.HEXAGONAL, ReachesIntoObserver.class);
    }

    @Test
    void writePortRuleReportsAnObserverHoldingTheAppendPort() {
        assertReported(Guarantees.observerUsesNoWritePort(ROOTS), Guarantees.OBSERVER_PASSIVE,
                AppendingObserver.class);
    }

    @Test
    void routingRuleReportsAnObserverRegisteringAPostRoute() {
        assertReported(Guarantees.observerRegistersOnlyGetAndHead(ROOTS), Guarantees.NO_PHASE_3_SURFACE,
                CommandAcceptingObserver.class);
    }

    @Test
    void sessionRuleReportsAnObserverRunningASession() {
        assertReported(Guarantees.observerDrivesNoSession(ROOTS), Guarantees.OBSERVER_NO_EFFECT,
                SessionDrivingObserver.class);
    }

    @Test
    void persistenceAdapterRuleReportsAnObserverUsingTheStoreDirectly() {
        assertReported(Guarantees.observerUsesNoPersistenceAdapter(ROOTS), Guarantees.OBSERVER_NO_EFFECT,
                StoreReadingObserver.class);
    }

    @Test
    void fileWriteRuleReportsObserversThatWriteDeleteOrLockFiles() {
        assertReported(Guarantees.observerWritesNoFilesAndTakesNoLocks(ROOTS), Guarantees.OBSERVER_PASSIVE,
                FileWritingObserver.class, StreamWritingObserver.class, LockingObserver.class,
                MethodReferenceDeletingObserver.class);
    }

    @Test
    void observerDeterminismRuleReportsAnObserverReadingTheClock() {
        assertReported(Guarantees.observerReadsNoClockOrRandomness(ROOTS), Guarantees.OBSERVER_DETERMINISTIC,
                TimestampingObserver.class);
    }

    @Test
    void clockRuleReportsADomainClassReadingTheClock() {
        assertReported(Guarantees.coreReadsNoClock(ROOTS), Guarantees.DETERMINISTIC_CORE,
                ClockReadingDomain.class);
    }

    @Test
    void randomnessRuleReportsARandomSubclassAndARandomUuid() {
        assertReported(Guarantees.coreUsesNoRandomness(ROOTS), Guarantees.DETERMINISTIC_CORE,
                RandomisingUseCase.class, UuidMintingDomain.class);
    }

    @Test
    void hashCollectionRuleReportsAHashMapAndAHashSetCollector() {
        assertReported(Guarantees.domainUsesNoHashOrderedCollections(ROOTS), Guarantees.DETERMINISTIC_CORE,
                HashingDomain.class, CollectingDomain.class);
    }

    @Test
    void floatingPointRuleReportsADoublePrice() {
        assertReported(Guarantees.domainHoldsNoFloatingPoint(ROOTS), Guarantees.DETERMINISTIC_CORE,
                FloatingPrice.class);
    }

    @Test
    void appendOnlyRuleReportsAPortThatDeletesHistory() {
        assertReported(Guarantees.auditPortsOfferNoWayToRewriteHistory(ROOTS), Guarantees.APPEND_ONLY_AUDIT,
                RewritingAuditPort.class);
    }

    @Test
    void backgroundLoopRuleReportsThreadsExecutorsAndTimers() {
        assertReported(Guarantees.noBackgroundLoops(ROOTS), Guarantees.NO_BACKGROUND_LOOPS,
                ThreadStartingUseCase.class, SchedulingObserver.class, BackgroundRefresher.class);
    }

    @Test
    void backgroundLoopRuleExemptsOnlyTheObserverStarterInBootstrap() {
        assertThat(violationsOf(Guarantees.noBackgroundLoops(ROOTS)))
                .doesNotContain(ObserverServerStarter.class.getName());
    }

    @Test
    void httpRuleReportsAnApplicationClassBuildingAWebServer() {
        assertReported(Guarantees.noHttpServerOutsideTheObserver(ROOTS), Guarantees.NO_HTTP_IN_RUNTIME,
                HttpServingUseCase.class);
    }

    @Test
    void runPathRuleReportsARunCommandBuildingAWebServer() {
        String report = violationsOf(Guarantees.runPathBuildsNoWebServer(ROOTS));
        assertThat(report).contains(Guarantees.NO_HTTP_IN_RUNTIME).contains(RunCommand.class.getName())
                .doesNotContain(ObserverServerStarter.class.getName());
    }

    @Test
    void uiRuleReportsASwingWindow() {
        assertReported(Guarantees.noUserInterfaceToolkit(ROOTS), Guarantees.NO_UI, SwingDashboard.class);
    }

    @Test
    void controlSurfaceRuleReportsAServerSocket() {
        assertReported(Guarantees.noRemoteControlEndpoint(ROOTS), Guarantees.NO_CONTROL_SURFACE,
                RemoteControlListener.class);
    }

    @Test
    void planeNameRuleReportsABrokerConstantAndALiveEnumConstant() {
        assertReported(Guarantees.noFieldNamesAnotherPlane(ROOTS), Guarantees.PAPER_ONLY,
                BrokerRoute.class, ExecutionPlane.class);
    }

    @Test
    void executionPlaneScanReportsASecondPlane() throws ClassNotFoundException {
        assertThat(Guarantees.otherExecutionPlanes(ROOTS)).containsExactly("LIVE");
    }

    @Test
    void planeWordsAreMatchedAsWholeWordsOnly() {
        assertThat(Guarantees.namesAnotherPlane("liveBrokerUrl")).isTrue();
        assertThat(Guarantees.namesAnotherPlane("REAL_MONEY")).isTrue();
        assertThat(Guarantees.namesAnotherPlane("REAL")).isTrue();
        assertThat(Guarantees.namesAnotherPlane("realPath")).isFalse();
        assertThat(Guarantees.namesAnotherPlane("realizedPnl")).isFalse();
        assertThat(Guarantees.namesAnotherPlane("deliveredBars")).isFalse();
    }
}
