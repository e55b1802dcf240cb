package dev.paperplane.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The JPMS module graph of paperplane as compiled, and the guarantees it must satisfy. Every check is a pure
 * function of module descriptors returning its violations (empty when the guarantee holds), so the same check
 * runs on the real descriptors and, in {@code ModuleGraphRulesCanFailTest}, on a deliberately broken graph.
 * Layers are recognised by module-name pattern, so modules added later (e.g. a PostgreSQL store as
 * {@code dev.paperplane.adapters.persistence.postgres}) are covered without editing this class.
 */
final class ModuleGraph {

    static final String PREFIX = "dev.paperplane.";
    static final String DOMAIN = "dev.paperplane.domain";
    static final String APPLICATION = "dev.paperplane.application";
    static final String ADAPTERS = "dev.paperplane.adapters.";
    static final String OBSERVER = "dev.paperplane.adapters.observer";
    static final String PERSISTENCE = "dev.paperplane.adapters.persistence";
    static final String BOOTSTRAP = "dev.paperplane.bootstrap";

    /** Application packages that change state: only modules that must write may see them. */
    static final List<String> WRITE_PACKAGE_ROOTS = List.of(
            APPLICATION + ".audit.append", APPLICATION + ".snapshot.store", APPLICATION + ".session",
            APPLICATION + ".copy");

    /** JDK modules that would give the runtime a UI or a remote management/control endpoint. */
    static final Set<String> UI_AND_REMOTE_CONTROL_MODULES = Set.of(
            "java.desktop", "java.rmi", "java.management", "java.management.rmi", "jdk.management",
            "jdk.management.agent", "jdk.management.jfr", "jdk.httpserver", "jdk.jdwp.agent", "jdk.attach");

    /** Resource suffixes of a web or desktop user interface. */
    static final List<String> UI_ASSET_SUFFIXES = List.of(
            ".html", ".htm", ".css", ".js", ".mjs", ".jsx", ".ts", ".tsx", ".vue", ".svelte", ".fxml");

    /**
     * Packages a module may {@code opens} (or, keyed by module name alone, modules that may be {@code open}),
     * each with the reason. Empty: JSON-B (Yasson) needs only an unqualified export of the observer's view
     * package, which is an export, not an open.
     */
    static final Map<String, String> OPENS_ALLOW_LIST = Map.of();

    private ModuleGraph() {
    }

    /** The compiled paperplane modules on the class path, by name. */
    static Map<String, ModuleReference> productionModules() {
        Map<String, ModuleReference> modules = new TreeMap<>();
        try {
            var descriptors = ModuleGraph.class.getClassLoader().getResources("module-info.class");
            while (descriptors.hasMoreElements()) {
                Path location = locationOf(descriptors.nextElement());
                for (ModuleReference module : ModuleFinder.of(location).findAll()) {
                    if (module.descriptor().name().startsWith(PREFIX)) {
                        modules.put(module.descriptor().name(), module);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    private static Path locationOf(URL moduleInfo) throws IOException {
        try {
            if (moduleInfo.getProtocol().equals("jar")) {
                JarURLConnection jar = (JarURLConnection) moduleInfo.openConnection();
                return Path.of(jar.getJarFileURL().toURI());
            }
            return Path.of(moduleInfo.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate " + moduleInfo, e);
        }
    }

    /** Every resource of each module, by module name. */
    static Map<String, List<String>> resources(Map<String, ModuleReference> modules) {
        Map<String, List<String>> resources = new TreeMap<>();
        modules.forEach((name, module) -> {
            try (ModuleReader reader = module.open(); Stream<String> list = reader.list()) {
                resources.put(name, list.sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return resources;
    }

    // ---- Layers --------------------------------------------------------------------------------------

    static boolean isDomain(String module) {
        return module.equals(DOMAIN);
    }

    static boolean isApplication(String module) {
        return module.equals(APPLICATION);
    }

    static boolean isAdapter(String module) {
        return module.startsWith(ADAPTERS);
    }

    static boolean isObserver(String module) {
        return module.equals(OBSERVER) || module.startsWith(OBSERVER + ".");
    }

    static boolean isPersistence(String module) {
        return module.equals(PERSISTENCE) || module.startsWith(PERSISTENCE + ".");
    }

    static boolean isBootstrap(String module) {
        return module.equals(BOOTSTRAP);
    }

    private static boolean isWritePackage(String pkg) {
        return WRITE_PACKAGE_ROOTS.stream().anyMatch(root -> pkg.equals(root) || pkg.startsWith(root + "."));
    }

    private static Set<String> requiredNames(ModuleDescriptor module) {
        return module.requires().stream().map(Requires::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Modules {@code module} reads: what it requires plus, recursively, what those require transitively. */
    static Set<String> reads(ModuleDescriptor module, Map<String, ModuleDescriptor> graph) {
        Set<String> reads = new LinkedHashSet<>();
        for (Requires requires : module.requires()) {
            addWithImplied(requires.name(), graph, reads);
        }
        return reads;
    }

    private static void addWithImplied(String name, Map<String, ModuleDescriptor> graph, Set<String> reads) {
        if (!reads.add(name)) {
            return;
        }
        Optional.ofNullable(graph.get(name)).ifPresent(module -> module.requires().stream()
                .filter(requires -> requires.modifiers().contains(Requires.Modifier.TRANSITIVE))
                .forEach(requires -> addWithImplied(requires.name(), graph, reads)));
    }

    private static Map<String, ModuleDescriptor> byName(Collection<ModuleDescriptor> modules) {
        return modules.stream().collect(Collectors.toMap(ModuleDescriptor::name, Function.identity(),
                (a, b) -> a, TreeMap::new));
    }

    private static List<ModuleDescriptor> sorted(Collection<ModuleDescriptor> modules) {
        return List.copyOf(byName(modules).values());
    }

    // ---- Checks --------------------------------------------------------------------------------------

    static List<String> modulesOutsideEveryLayer(Collection<ModuleDescriptor> modules) {
        return sorted(modules).stream().map(ModuleDescriptor::name)
                .filter(name -> !(isDomain(name) || isApplication(name) || isAdapter(name) || isBootstrap(name)))
                .map(name -> name + " is neither domain, application, an adapter (" + ADAPTERS
                        + "*) nor bootstrap: place it in a layer so the module rules cover it")
                .toList();
    }

    static List<String> domainRequirementsBeyondJavaBase(Collection<ModuleDescriptor> modules) {
        return requirementsBeyond(modules, ModuleGraph::isDomain, Set.of("java.base"));
    }

    static List<String> applicationRequirementsBeyondDomain(Collection<ModuleDescriptor> modules) {
        return requirementsBeyond(modules, ModuleGraph::isApplication, Set.of("java.base", DOMAIN));
    }

    private static List<String> requirementsBeyond(Collection<ModuleDescriptor> modules,
            Predicate<String> layer, Set<String> allowed) {
        List<String> violations = new ArrayList<>();
        for (ModuleDescriptor module : sorted(modules)) {
            if (layer.test(module.name())) {
                for (String required : requiredNames(module)) {
                    if (!allowed.contains(required)) {
                        violations.add(module.name() + " requires " + required + " (allowed: "
                                + new TreeSet<>(allowed) + ")");
                    }
                }
            }
        }
        return violations;
    }

    static List<String> adaptersNotRequiringTheApplication(Collection<ModuleDescriptor> modules) {
        return sorted(modules).stream()
                .filter(module -> isAdapter(module.name()) && !requiredNames(module).contains(APPLICATION))
                .map(module -> module.name() + " does not require " + APPLICATION
                        + ": an adapter implements or uses the application's ports")
                .toList();
    }

    static List<String> adaptersRequiringOtherPaperplaneModules(Collection<ModuleDescriptor> modules) {
        List<String> violations = new ArrayList<>();
        for (ModuleDescriptor module : sorted(modules)) {
            if (isAdapter(module.name())) {
                for (String required : requiredNames(module)) {
                    if (required.startsWith(PREFIX) && !isApplication(required) && !isDomain(required)) {
                        violations.add(module.name() + " requires " + required
                                + ": adapters may require only the application and the domain");
                    }
                }
            }
        }
        return violations;
    }

    static List<String> observersReadingPersistence(Collection<ModuleDescriptor> modules) {
        Map<String, ModuleDescriptor> graph = byName(modules);
        List<String> violations = new ArrayList<>();
        for (ModuleDescriptor module : graph.values()) {
            if (isObserver(module.name())) {
                reads(module, graph).stream().filter(ModuleGraph::isPersistence).forEach(read ->
                        violations.add(module.name() + " reads " + read + ": the observer must not reach a store"));
            }
        }
        return violations;
    }

    static List<String> nonBootstrapModulesReadingBothAdapters(Collection<ModuleDescriptor> modules) {
        Map<String, ModuleDescriptor> graph = byName(modules);
        return graph.values().stream()
                .filter(module -> !isBootstrap(module.name()))
                .filter(module -> {
                    Set<String> reads = reads(module, graph);
                    return reads.stream().anyMatch(ModuleGraph::isObserver)
                            && reads.stream().anyMatch(ModuleGraph::isPersistence);
                })
                .map(module -> module.name() + " reads both the observer and a persistence adapter: only "
                        + BOOTSTRAP + " may wire them")
                .toList();
    }

    static List<String> unqualifiedWritePackageExports(Collection<ModuleDescriptor> modules) {
        List<String> violations = new ArrayList<>();
        for (ModuleDescriptor module : sorted(modules)) {
            for (Exports exports : sortedExports(module)) {
                if (isWritePackage(exports.source()) && !exports.isQualified()) {
                    violations.add(module.name() + " exports " + exports.source()
                            + " to everyone: write packages are exported only to the modules that must write");
                }
            }
        }
        return violations;
    }

    static List<String> writePackagesExportedToTheObserver(Collection<ModuleDescriptor> modules) {
        List<String> violations = new ArrayList<>();
        for (ModuleDescriptor module : sorted(modules)) {
            for (Exports exports : sortedExports(module)) {
                if (isWritePackage(exports.source())) {
                    exports.targets().stream().filter(ModuleGraph::isObserver).sorted().forEach(target ->
                            violations.add(module.name() + " exports " + exports.source() + " to " + target
                                    + ": the observer must not see a write port or the session use case"));
                }
            }
        }
        return violations;
    }

    private static List<Exports> sortedExports(ModuleDescriptor module) {
        return module.exports().stream().sorted().toList();
    }

    static List<String> opensOutsideTheAllowList(Collection<ModuleDescriptor> modules, Map<String, String> allowList) {
        List<String> violations = new ArrayList<>();
        for (ModuleDescriptor module : sorted(modules)) {
            if (module.isOpen() && !allowList.containsKey(module.name())) {
                violations.add(module.name() + " is an open module: open only allow-listed packages, with a reason");
            }
            module.opens().stream().map(ModuleDescriptor.Opens::source).sorted()
                    .filter(pkg -> !allowList.containsKey(module.name() + "/" + pkg))
                    .forEach(pkg -> violations.add(module.name() + " opens " + pkg
                            + ": not in ModuleGraph.OPENS_ALLOW_LIST (add it there with the reason it is needed)"));
        }
        return violations;
    }

    static List<String> uiOrRemoteControlRequirements(Collection<ModuleDescriptor> modules) {
        List<String> violations = new ArrayList<>();
        for (ModuleDescriptor module : sorted(modules)) {
            for (String required : requiredNames(module)) {
                if (UI_AND_REMOTE_CONTROL_MODULES.contains(required) || required.startsWith("javafx.")) {
                    violations.add(module.name() + " requires " + required
                            + ": no UI and no remote management or control endpoint");
                }
            }
        }
        return violations;
    }

    static List<String> uiAssets(Map<String, List<String>> resourcesByModule) {
        List<String> violations = new ArrayList<>();
        new TreeMap<>(resourcesByModule).forEach((module, resources) -> resources.stream()
                .filter(resource -> UI_ASSET_SUFFIXES.stream().anyMatch(resource.toLowerCase(Locale.ROOT)::endsWith))
                .sorted()
                .forEach(resource -> violations.add(module + " ships " + resource + ": paperplane has no UI")));
        return Collections.unmodifiableList(violations);
    }
}
