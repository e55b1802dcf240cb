package dev.paperplane.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Proves every module-graph check of {@link ModuleGraph} fails on a graph that breaks it. */
class ModuleGraphRulesCanFailTest {

    private static final String POSTGRES = ModuleGraph.PERSISTENCE + ".postgres";
    private static final String STRAY = "dev.paperplane.tools";

    /** One graph with every boundary broken once. */
    private static final List<ModuleDescriptor> BROKEN = List.of(
            ModuleDescriptor.newModule(ModuleGraph.DOMAIN).requires("java.logging").build(),
            ModuleDescriptor.newModule(ModuleGraph.APPLICATION)
                    .requires(Set.of(Modifier.TRANSITIVE), ModuleGraph.DOMAIN)
                    .requires("java.sql")
                    .exports(ModuleGraph.APPLICATION + ".audit.append")
                    .exports(ModuleGraph.APPLICATION + ".session", Set.of(ModuleGraph.OBSERVER, ModuleGraph.BOOTSTRAP))
                    .build(),
            ModuleDescriptor.newOpenModule(ModuleGraph.PERSISTENCE).build(),
            ModuleDescriptor.newModule(POSTGRES)
                    .requires(ModuleGraph.APPLICATION)
                    .requires(Set.of(Modifier.TRANSITIVE), ModuleGraph.PERSISTENCE)
                    .build(),
            ModuleDescriptor.newModule(ModuleGraph.OBSERVER)
                    .requires(ModuleGraph.APPLICATION)
                    .requires(POSTGRES)
                    .opens(ModuleGraph.OBSERVER + ".json")
                    .build(),
            ModuleDescriptor.newModule(STRAY)
                    .requires(ModuleGraph.OBSERVER)
                    .requires(ModuleGraph.PERSISTENCE)
                    .build(),
            ModuleDescriptor.newModule(ModuleGraph.BOOTSTRAP)
                    .requires(ModuleGraph.OBSERVER)
                    .requires("java.desktop")
                    .requires("java.management")
                    .build());

    @Test
    void layerCheckReportsAModuleOutsideEveryLayer() {
        assertThat(ModuleGraph.modulesOutsideEveryLayer(BROKEN)).singleElement().asString().startsWith(STRAY);
    }

    @Test
    void domainCheckReportsAnyRequirementBeyondJavaBase() {
        assertThat(ModuleGraph.domainRequirementsBeyondJavaBase(BROKEN))
                .containsExactly("dev.paperplane.domain requires java.logging (allowed: [java.base])");
    }

    @Test
    void applicationCheckReportsARequirementBeyondTheDomain() {
        assertThat(ModuleGraph.applicationRequirementsBeyondDomain(BROKEN))
                .singleElement().asString().startsWith("dev.paperplane.application requires java.sql");
    }

    @Test
    void adapterCheckReportsAnAdapterWithoutTheApplication() {
        assertThat(ModuleGraph.adaptersNotRequiringTheApplication(BROKEN))
                .singleElement().asString().startsWith(ModuleGraph.PERSISTENCE + " does not require");
    }

    @Test
    void adapterIndependenceCheckReportsAdaptersRequiringEachOther() {
        assertThat(ModuleGraph.adaptersRequiringOtherPaperplaneModules(BROKEN)).containsExactlyInAnyOrder(
                POSTGRES + " requires " + ModuleGraph.PERSISTENCE
                        + ": adapters may require only the application and the domain",
                ModuleGraph.OBSERVER + " requires " + POSTGRES
                        + ": adapters may require only the application and the domain");
    }

    @Test
    void observerCheckFollowsTransitiveReadability() {
        assertThat(ModuleGraph.observersReadingPersistence(BROKEN)).containsExactlyInAnyOrder(
                ModuleGraph.OBSERVER + " reads " + POSTGRES + ": the observer must not reach a store",
                ModuleGraph.OBSERVER + " reads " + ModuleGraph.PERSISTENCE + ": the observer must not reach a store");
    }

    @Test
    void bothAdaptersCheckReportsAModuleOtherThanBootstrapWiringThem() {
        assertThat(ModuleGraph.nonBootstrapModulesReadingBothAdapters(BROKEN))
                .singleElement().asString().startsWith(STRAY + " reads both");
    }

    @Test
    void qualifiedExportCheckReportsAnUnqualifiedWritePort() {
        assertThat(ModuleGraph.unqualifiedWritePackageExports(BROKEN))
                .singleElement().asString().contains("exports dev.paperplane.application.audit.append to everyone");
    }

    @Test
    void observerExportCheckReportsTheSessionExportedToTheObserver() {
        assertThat(ModuleGraph.writePackagesExportedToTheObserver(BROKEN)).singleElement().asString()
                .startsWith("dev.paperplane.application exports dev.paperplane.application.session to "
                        + ModuleGraph.OBSERVER);
    }

    @Test
    void opensCheckReportsAnOpenModuleAndAnOpenedPackage() {
        assertThat(ModuleGraph.opensOutsideTheAllowList(BROKEN, Map.of())).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith(ModuleGraph.PERSISTENCE + " is an open module"))
                .anySatisfy(v -> assertThat(v).startsWith(ModuleGraph.OBSERVER + " opens "
                        + ModuleGraph.OBSERVER + ".json"));
    }

    @Test
    void opensCheckAcceptsAllowListedEntries() {
        Map<String, String> allowList = Map.of(
                ModuleGraph.PERSISTENCE, "planted reason",
                ModuleGraph.OBSERVER + "/" + ModuleGraph.OBSERVER + ".json", "planted reason");
        assertThat(ModuleGraph.opensOutsideTheAllowList(BROKEN, allowList)).isEmpty();
    }

    @Test
    void uiAndControlCheckReportsDesktopAndManagementModules() {
        assertThat(ModuleGraph.uiOrRemoteControlRequirements(BROKEN)).hasSize(2)
                .allSatisfy(v -> assertThat(v).startsWith(ModuleGraph.BOOTSTRAP + " requires java."));
    }

    @Test
    void uiAssetCheckReportsAnHtmlPage() {
        Map<String, List<String>> resources = Map.of(ModuleGraph.OBSERVER,
                List.of("module-info.class", "web/index.html", "dev/paperplane/adapters/observer/View.class"));
        assertThat(ModuleGraph.uiAssets(resources))
                .containsExactly(ModuleGraph.OBSERVER + " ships web/index.html: paperplane has no UI");
    }
}
