package dev.paperplane.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.have;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.paperplane.architecture.Roots.below;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FileWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The roadmap's guarantees as ArchUnit rules. Every rule is a function of the package {@link Roots}, so the
 * same rule checks production code and, in {@code RulesCanFailTest}, the planted fixtures that break it. A
 * rule's description starts with the roadmap guarantee it protects, so a failure names the guarantee and
 * ArchUnit's details name the offending class.
 */
final class Guarantees {

    static final String DETERMINISTIC_CORE = "Deterministic core logic";
    static final String APPEND_ONLY_AUDIT = "Append-only audit persistence";
    static final String PAPER_ONLY = "PAPER execution plane only";
    static final String NO_BACKGROUND_LOOPS = "No background loops";
    static final String NO_HTTP_IN_RUNTIME = "No HTTP API inside the runtime";
    static final String NO_UI = "No UI";
    static final String NO_CONTROL_SURFACE = "No external control surface";
    static final String OBSERVER_PASSIVE = "Observability is passive";
    static final String OBSERVER_DETERMINISTIC = "Observability is deterministic";
    static final String OBSERVER_NO_EFFECT = "Observability cannot affect runtime outcome";
    static final String HEXAGONAL = "Hexagonal layering";
    static final String NO_PHASE_3_SURFACE = "No Phase 3 surface";
    static final String NO_PACKAGE_CYCLES = "No package cycles";

    /** Routing methods that would register a handler for a method other than GET or HEAD. */
    static final Set<String> NON_READ_ROUTES = Set.of("post", "put", "delete", "patch", "options", "trace", "connect",
            "any", "route");

    /** HTTP server APIs: only the observer and its starter in bootstrap may touch them. */
    private static final String[] HTTP_SERVER_PACKAGES = {
        "io.helidon.webserver..", "io.helidon.http..", "com.sun.net.httpserver.."
    };

    /** Words of a field name that name an execution plane the roadmap defers to Phase 5. */
    static final Set<String> OTHER_PLANES = Set.of("LIVE", "BROKER", "BROKERAGE", "TESTNET");
    /**
     * "REAL" names a plane only alone or before one of these words: {@code REAL}, {@code REAL_MONEY}, but not
     * {@code realPath}.
     */
    static final Set<String> AFTER_REAL = Set.of("MONEY", "TRADING", "EXECUTION", "ACCOUNT", "CAPITAL");

    private Guarantees() {
    }

    // ---- Hexagonal layering -------------------------------------------------------------------------

    static ArchRule hexagonalLayering(Roots r) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Domain").definedBy(below(r.domain()))
                .layer("Application").definedBy(below(r.application()))
                .layer("Adapters").definedBy(below(r.adapters()))
                .layer("Bootstrap").definedBy(below(r.bootstrap()))
                .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Application").mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap")
                .as(HEXAGONAL + ": domain <- application <- adapters <- bootstrap")
                .because("the deterministic core must not know how it is stored, observed or started");
    }

    static ArchRule adaptersAreIndependent(Roots r) {
        return slices().matching(r.adapters() + ".(*)..")
                .should().notDependOnEachOther()
                .as(HEXAGONAL + ": adapters do not depend on each other")
                .because("the observer must not reach the store's writer, and stores must stay swappable;"
                        + " only bootstrap wires adapters together")
                .allowEmptyShould(true);
    }

    // ---- Package structure ---------------------------------------------------------------------------

    /**
     * Each of {@code packages} (the packages of one module) is its own slice, a parent package and its
     * sub-packages included, so a cycle between any two of them fails the rule.
     */
    static ArchRule packagesAreFreeOfCycles(String module, Set<String> packages) {
        return slices().assignedFrom(eachPackageOf(module, packages))
                .should().beFreeOfCycles()
                .as(NO_PACKAGE_CYCLES + ": the packages of " + module + " depend on each other without a cycle")
                .because("a package must be understandable, testable and movable with only the packages below it;"
                        + " a cycle makes all its packages one");
    }

    private static SliceAssignment eachPackageOf(String module, Set<String> packages) {
        Set<String> owned = Set.copyOf(packages);
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return owned.contains(pkg) ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each package of " + module;
            }
        };
    }

    // ---- Observer: passive, no effect on the runtime -----------------------------------------------

    static ArchRule observerUsesNoWritePort(Roots r) {
        return noClasses().that().resideInAPackage(below(r.observer()))
                .should().dependOnClassesThat().resideInAnyPackage(below(r.auditAppend()), below(r.snapshotStore()))
                .as(OBSERVER_PASSIVE + ": the observer uses no audit or snapshot write port")
                .because("an observer that can append events or store snapshots could change what replay produces")
                .allowEmptyShould(true);
    }

    static ArchRule observerDrivesNoSession(Roots r) {
        return noClasses().that().resideInAPackage(below(r.observer()))
                .should().dependOnClassesThat().resideInAPackage(below(r.session()))
                .as(OBSERVER_NO_EFFECT + ": the observer does not touch the session use case")
                .because("the session use case runs strategies and writes events; the observer only reads")
                .allowEmptyShould(true);
    }

    static ArchRule observerUsesNoPersistenceAdapter(Roots r) {
        return noClasses().that().resideInAPackage(below(r.observer()))
                .should().dependOnClassesThat().resideInAPackage(below(r.persistence()))
                .as(OBSERVER_NO_EFFECT + ": the observer uses no persistence adapter class")
                .because("the observer reads through the application's read ports only; the stores' classes"
                        + " hold writers and locks")
                .allowEmptyShould(true);
    }

    static ArchRule observerWritesNoFilesAndTakesNoLocks(Roots r) {
        return noClasses().that().resideInAPackage(below(r.observer()))
                .should().accessTargetWhere(writesFilesOrTakesLocks())
                .as(OBSERVER_PASSIVE + ": the observer writes no files and takes no file locks")
                .because("a passive observer leaves the store byte-for-byte as it found it and never holds the"
                        + " single-writer lock, so it is safe to start, stop or crash next to the runtime")
                .allowEmptyShould(true);
    }

    static ArchRule observerReadsNoClockOrRandomness(Roots r) {
        return noClasses().that().resideInAPackage(below(r.observer()))
                .should().dependOnClassesThat(randomGenerators())
                .orShould().accessTargetWhere(readsTheClock().or(drawsRandomness()))
                .as(OBSERVER_DETERMINISTIC + ": the observer reads no clock and draws no randomness")
                .because("the same store must always produce the same observer responses")
                .allowEmptyShould(true);
    }

    static ArchRule observerRegistersOnlyGetAndHead(Roots r) {
        return noClasses().that().resideInAPackage(below(r.observer()))
                .should().callMethodWhere(describe("a route for a method other than GET or HEAD",
                        call -> call.getTargetOwner().isAssignableTo(io.helidon.webserver.http.HttpRules.class)
                                && NON_READ_ROUTES.contains(call.getName())))
                .as(NO_PHASE_3_SURFACE + ": the observer registers routes for GET and HEAD only")
                .because("commands, ticks and start/stop belong to Phase 3, which the roadmap forbids here; every"
                        + " other method is answered 405 by the observer's filter")
                .allowEmptyShould(true);
    }

    // ---- Deterministic core --------------------------------------------------------------------------

    static ArchRule coreReadsNoClock(Roots r) {
        return noClasses().that().resideInAnyPackage(below(r.domain()), below(r.application()))
                .should().accessTargetWhere(readsTheClock())
                .as(DETERMINISTIC_CORE + ": domain and application read no clock")
                .because("time comes from market data; a clock read makes replay differ from the original run")
                .allowEmptyShould(true);
    }

    static ArchRule coreUsesNoRandomness(Roots r) {
        return noClasses().that().resideInAnyPackage(below(r.domain()), below(r.application()))
                .should().dependOnClassesThat(randomGenerators())
                .orShould().accessTargetWhere(drawsRandomness())
                .as(DETERMINISTIC_CORE + ": domain and application use no randomness")
                .because("the same events must fold to the same state on every replay")
                .allowEmptyShould(true);
    }

    static ArchRule domainUsesNoHashOrderedCollections(Roots r) {
        return noClasses().that().resideInAPackage(below(r.domain()))
                .should().dependOnClassesThat(belongToAnyOf(HashMap.class, HashSet.class, Hashtable.class,
                        WeakHashMap.class, IdentityHashMap.class, ConcurrentHashMap.class))
                .orShould().accessTargetWhere(collectsIntoHashCollections())
                .as(DETERMINISTIC_CORE + ": the domain uses no hash-ordered collection")
                .because("iteration order of hash collections is not part of their contract; use TreeMap,"
                        + " LinkedHashMap or List so output is identical on every run")
                .allowEmptyShould(true);
    }

    static ArchRule domainHoldsNoFloatingPoint(Roots r) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(below(r.domain()))
                .should().haveRawType(double.class)
                .orShould().haveRawType(float.class)
                .orShould().haveRawType(Double.class)
                .orShould().haveRawType(Float.class)
                .orShould().haveRawType(double[].class)
                .orShould().haveRawType(float[].class)
                .as(DETERMINISTIC_CORE + ": the domain holds no double or float field")
                .because("money, prices and quantities are BigDecimal at scale 8 HALF_EVEN (Decimals);"
                        + " binary floating point rounds differently from the audit log's decimals")
                .allowEmptyShould(true);
    }

    // ---- Append-only audit ---------------------------------------------------------------------------

    static ArchRule auditPortsOfferNoWayToRewriteHistory(Roots r) {
        return noMethods().that().areDeclaredInClassesThat().resideInAPackage(below(r.application() + ".audit"))
                .should().haveNameMatching(
                        "(delete|remove|truncate|update|overwrite|replace|rewrite|compact|clear|reset|rollback"
                                + "|prune|purge|erase|set)([A-Z].*)?")
                .as(APPEND_ONLY_AUDIT + ": audit ports offer no operation that changes recorded history")
                .because("the audit log only grows; an accepted record is never changed or removed")
                .allowEmptyShould(true);
    }

    // ---- No background loops -------------------------------------------------------------------------

    static ArchRule noBackgroundLoops(Roots r) {
        return noClasses().that().resideInAPackage(below(r.base()))
                .and(not(startsTheObserverServer(r)))
                .and(not(handsOnHelidonsConnection(r)))
                .should().dependOnClassesThat(schedulingTypes())
                .orShould().accessTargetWhere(startsThreadsOrAsyncTasks())
                .as(NO_BACKGROUND_LOOPS + ": production code starts no threads, executors, timers or async tasks")
                .because("the runtime advances only when its caller feeds it bars. The one exception is a class in "
                        + r.bootstrap() + " whose top-level name contains Observe or Server: starting the"
                        + " read-only observer's HTTP server needs its listener threads, and those classes"
                        + " start nothing else; and an observer class standing in for Helidon's connection context"
                        + " must hand on the connection's executor, which it only returns")
                .allowEmptyShould(true);
    }

    // ---- No HTTP API inside the runtime --------------------------------------------------------------

    static ArchRule noHttpServerOutsideTheObserver(Roots r) {
        return noClasses().that().resideInAPackage(below(r.base()))
                .and().resideOutsideOfPackages(below(r.observer()), below(r.bootstrap()))
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_SERVER_PACKAGES)
                .as(NO_HTTP_IN_RUNTIME + ": only the observer adapter and bootstrap use an HTTP server API")
                .because("the runtime is driven by its command line only; HTTP exists solely as the read-only"
                        + " observer")
                .allowEmptyShould(true);
    }

    static ArchRule runPathBuildsNoWebServer(Roots r) {
        return noClasses().that().resideInAPackage(below(r.bootstrap()))
                .and(topLevelNameContainingAny("Run"))
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_SERVER_PACKAGES)
                .as(NO_HTTP_IN_RUNTIME + ": the run path in bootstrap builds no web server")
                .because("`paperplane run` executes a session and exits; serving HTTP is the observer's"
                        + " separate command")
                .allowEmptyShould(true);
    }

    // ---- No UI / no external control surface ---------------------------------------------------------

    static ArchRule noUserInterfaceToolkit(Roots r) {
        return noClasses().that().resideInAPackage(below(r.base()))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.awt..", "javax.swing..", "javafx..", "org.eclipse.swt..",
                        "io.helidon.webserver.staticcontent..")
                .as(NO_UI + ": production code uses no UI toolkit and serves no static web content")
                .because("Phase 2 exposes data, not a user interface")
                .allowEmptyShould(true);
    }

    static ArchRule noRemoteControlEndpoint(Roots r) {
        return noClasses().that().resideInAPackage(below(r.base()))
                .should().dependOnClassesThat(belongToAnyOf(ServerSocket.class, ServerSocketChannel.class,
                        AsynchronousServerSocketChannel.class, DatagramSocket.class))
                .orShould().dependOnClassesThat().resideInAnyPackage("java.rmi..", "javax.management..")
                .as(NO_CONTROL_SURFACE + ": production code opens no socket listener, RMI or JMX endpoint")
                .because("nothing outside the command line may steer the runtime; the observer's Helidon"
                        + " server is the only listener and it is read-only")
                .allowEmptyShould(true);
    }

    // ---- PAPER only ----------------------------------------------------------------------------------

    static ArchRule noFieldNamesAnotherPlane(Roots r) {
        return noFields().that().areDeclaredInClassesThat().resideInAPackage(below(r.base()))
                .should(have(nameNamingAnotherPlane()))
                .as(PAPER_ONLY + ": no field, enum constant or constant is named after another execution plane")
                .because("live or broker execution is deferred to Phase 5; its vocabulary must not creep in"
                        + " (words checked: " + String.join(", ", OTHER_PLANES.stream().sorted().toList())
                        + ", REAL alone or before " + String.join("/", AFTER_REAL.stream().sorted().toList()) + ")")
                .allowEmptyShould(true);
    }

    /** The constants of the execution-plane enum under {@code roots} other than PAPER. */
    static List<String> otherExecutionPlanes(Roots r) throws ClassNotFoundException {
        Class<?> plane = Class.forName(r.domain() + ".execution.ExecutionPlane");
        if (!plane.isEnum()) {
            throw new AssertionError(plane.getName() + " must be an enum");
        }
        return Arrays.stream(plane.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .filter(name -> !name.equals("PAPER"))
                .toList();
    }

    // ---- Predicates ----------------------------------------------------------------------------------

    private static DescribedPredicate<JavaAccess<?>> target(String description, Predicate<AccessTarget> test) {
        return describe(description, access -> test.test(access.getTarget()));
    }

    private static boolean is(AccessTarget t, Class<?> owner, String... names) {
        return t.getOwner().isEquivalentTo(owner) && Set.of(names).contains(t.getName());
    }

    private static boolean isOnSubtype(AccessTarget t, Class<?> owner, String... names) {
        return t.getOwner().isAssignableTo(owner) && Set.of(names).contains(t.getName());
    }

    private static boolean isConstructorOf(AccessTarget t, Class<?> type) {
        return t.getName().equals(JavaConstructor.CONSTRUCTOR_NAME) && t.getOwner().isAssignableTo(type);
    }

    private static int parameterCount(AccessTarget t) {
        return t instanceof CodeUnitAccessTarget codeUnit ? codeUnit.getRawParameterTypes().size() : -1;
    }

    private static boolean firstParameterIsFileName(AccessTarget t) {
        return t instanceof CodeUnitAccessTarget codeUnit
                && !codeUnit.getRawParameterTypes().isEmpty()
                && (codeUnit.getRawParameterTypes().get(0).isEquivalentTo(String.class)
                        || codeUnit.getRawParameterTypes().get(0).isEquivalentTo(File.class));
    }

    static DescribedPredicate<JavaAccess<?>> writesFilesOrTakesLocks() {
        return target("a file-writing or file-locking API", t -> {
            String name = t.getName();
            if (t.getOwner().isEquivalentTo(Files.class)) {
                return name.startsWith("write") || name.startsWith("delete") || name.startsWith("create")
                        || name.startsWith("set") || Set.of("newOutputStream", "newBufferedWriter",
                                "newByteChannel", "move", "copy").contains(name);
            }
            return is(t, File.class, "delete", "deleteOnExit", "createNewFile", "createTempFile", "mkdir",
                            "mkdirs", "renameTo", "setWritable", "setReadable", "setExecutable", "setLastModified",
                            "setReadOnly")
                    || isConstructorOf(t, FileOutputStream.class)
                    || isConstructorOf(t, FileWriter.class)
                    || isConstructorOf(t, RandomAccessFile.class)
                    || (isConstructorOf(t, PrintWriter.class) && firstParameterIsFileName(t))
                    || (isConstructorOf(t, PrintStream.class) && firstParameterIsFileName(t))
                    || isOnSubtype(t, FileChannel.class, "open", "lock", "tryLock", "write", "truncate", "force",
                            "transferFrom")
                    || isOnSubtype(t, AsynchronousFileChannel.class, "open", "lock", "tryLock", "write", "truncate",
                            "force");
        });
    }

    static DescribedPredicate<JavaAccess<?>> readsTheClock() {
        return target("a clock read", t -> is(t, System.class, "currentTimeMillis", "nanoTime")
                || (t.getName().equals("now") && t.getOwner().getPackageName().equals("java.time"))
                || (t.getOwner().isAssignableTo(InstantSource.class) && t.getName().equals("system"))
                || is(t, Clock.class, "systemUTC", "systemDefaultZone", "system", "tickMillis", "tickSeconds",
                        "tickMinutes"));
    }

    static DescribedPredicate<JavaAccess<?>> drawsRandomness() {
        return target("a random draw", t -> is(t, UUID.class, "randomUUID")
                || is(t, Math.class, "random")
                || is(t, StrictMath.class, "random")
                || (is(t, Collections.class, "shuffle") && parameterCount(t) == 1));
    }

    static DescribedPredicate<JavaClass> randomGenerators() {
        return assignableTo(RandomGenerator.class).as("a random generator (Random, SecureRandom,"
                + " ThreadLocalRandom, SplittableRandom, ...)");
    }

    static DescribedPredicate<JavaAccess<?>> collectsIntoHashCollections() {
        return target("a collector that builds a HashMap or HashSet", t -> {
            if (!t.getOwner().isEquivalentTo(Collectors.class)) {
                return false;
            }
            int arity = parameterCount(t);
            return switch (t.getName()) {
                case "toSet", "toUnmodifiableSet", "toUnmodifiableMap", "toConcurrentMap",
                        "groupingByConcurrent" -> true;
                case "toMap" -> arity < 4;
                case "groupingBy" -> arity < 3;
                default -> false;
            };
        });
    }

    static DescribedPredicate<JavaClass> schedulingTypes() {
        return assignableTo(ExecutorService.class)
                .or(belongToAnyOf(Executors.class, Timer.class, TimerTask.class, ThreadFactory.class))
                .or(assignableTo(Thread.Builder.class))
                .or(resideInAnyPackage("io.helidon.scheduling.."))
                .as("an executor, timer, thread factory or scheduler");
    }

    static DescribedPredicate<JavaAccess<?>> startsThreadsOrAsyncTasks() {
        return target("a thread start or an asynchronous task", t -> isConstructorOf(t, Thread.class)
                || isOnSubtype(t, Thread.class, "start", "startVirtualThread", "ofPlatform", "ofVirtual")
                || (t.getOwner().isAssignableTo(CompletionStage.class)
                        && (t.getName().endsWith("Async")
                                || Set.of("delayedExecutor", "orTimeout", "completeOnTimeout").contains(t.getName()))));
    }

    /** Bootstrap classes that start the read-only observer: the narrow exception to "no background loops". */
    static DescribedPredicate<JavaClass> startsTheObserverServer(Roots r) {
        return resideInAPackage(below(r.bootstrap())).and(topLevelNameContainingAny("Observe", "Server"))
                .as("an observer-starting class in " + r.bootstrap() + " (top-level name contains Observe or Server)");
    }

    /**
     * An observer class implementing Helidon's connection context: the interface makes it return Helidon's executor
     * (a scheduling type), which it hands on from the context it wraps.
     */
    static DescribedPredicate<JavaClass> handsOnHelidonsConnection(Roots r) {
        return resideInAPackage(below(r.observer())).and(assignableTo("io.helidon.webserver.ConnectionContext"))
                .as("an observer class standing in for Helidon's ConnectionContext");
    }

    /** Matches a class, its nested and its anonymous classes by the simple name of the top-level class. */
    private static DescribedPredicate<JavaClass> topLevelNameContainingAny(String... parts) {
        return describe("top-level class name containing " + String.join(" or ", parts), c -> {
            String name = c.getName().substring(c.getPackageName().isEmpty() ? 0 : c.getPackageName().length() + 1);
            int nested = name.indexOf('$');
            String topLevel = nested < 0 ? name : name.substring(0, nested);
            return Arrays.stream(parts).anyMatch(topLevel::contains);
        });
    }

    static DescribedPredicate<JavaField> nameNamingAnotherPlane() {
        return describe("a name naming another execution plane", field -> namesAnotherPlane(field.getName()));
    }

    /** Whether a word of the identifier (split at underscores and camel-case humps) names another plane. */
    static boolean namesAnotherPlane(String identifier) {
        List<String> words = Arrays.stream(identifier.split("_|(?<=[a-z0-9])(?=[A-Z])"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toUpperCase(Locale.ROOT))
                .toList();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (OTHER_PLANES.contains(word)) {
                return true;
            }
            if (word.equals("REAL") && (words.size() == 1
                    || (i + 1 < words.size() && AFTER_REAL.contains(words.get(i + 1))))) {
                return true;
            }
        }
        return false;
    }
}
