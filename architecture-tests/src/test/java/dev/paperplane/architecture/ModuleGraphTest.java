package dev.paperplane.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReference;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compiled module descriptors of every paperplane module satisfy the roadmap's module boundaries. */
class ModuleGraphTest {

    private static final Map<String, ModuleReference> MODULES = ModuleGraph.productionModules();
    private static final Collection<ModuleDescriptor> DESCRIPTORS =
            MODULES.values().stream().map(ModuleReference::descriptor).toList();

    @Test
    void everyProductionModuleIsOnTheTestClassPath() {
        assertThat(MODULES.keySet()).contains(ModuleGraph.DOMAIN, ModuleGraph.APPLICATION,
                ModuleGraph.PERSISTENCE, ModuleGraph.OBSERVER, ModuleGraph.BOOTSTRAP);
    }

    @Test
    void everyModuleBelongsToALayer() {
        assertThat(ModuleGraph.modulesOutsideEveryLayer(DESCRIPTORS)).isEmpty();
    }

    @Test
    void domainRequiresOnlyJavaBase() {
        assertThat(ModuleGraph.domainRequirementsBeyondJavaBase(DESCRIPTORS)).isEmpty();
    }

    @Test
    void applicationRequiresOnlyTheDomain() {
        assertThat(ModuleGraph.applicationRequirementsBeyondDomain(DESCRIPTORS)).isEmpty();
    }

    @Test
    void everyAdapterRequiresTheApplication() {
        assertThat(ModuleGraph.adaptersNotRequiringTheApplication(DESCRIPTORS)).isEmpty();
    }

    @Test
    void adaptersNeverRequireEachOther() {
        assertThat(ModuleGraph.adaptersRequiringOtherPaperplaneModules(DESCRIPTORS)).isEmpty();
    }

    @Test
    void observerDoesNotReadAnyPersistenceAdapter() {
        assertThat(ModuleGraph.observersReadingPersistence(DESCRIPTORS)).isEmpty();
    }

    @Test
    void onlyBootstrapReadsBothAdapters() {
        assertThat(ModuleGraph.nonBootstrapModulesReadingBothAdapters(DESCRIPTORS)).isEmpty();
    }

    @Test
    void writePackagesAreExportedOnlyQualified() {
        assertThat(ModuleGraph.unqualifiedWritePackageExports(DESCRIPTORS)).isEmpty();
    }

    @Test
    void writePackagesAreNeverExportedToTheObserver() {
        assertThat(ModuleGraph.writePackagesExportedToTheObserver(DESCRIPTORS)).isEmpty();
    }

    @Test
    void noModuleOpensPackagesOutsideTheAllowList() {
        assertThat(ModuleGraph.opensOutsideTheAllowList(DESCRIPTORS, ModuleGraph.OPENS_ALLOW_LIST)).isEmpty();
    }

    @Test
    void noModuleRequiresUiOrRemoteControlModules() {
        assertThat(ModuleGraph.uiOrRemoteControlRequirements(DESCRIPTORS)).isEmpty();
    }

    @Test
    void noModuleShipsUiAssets() {
        Map<String, List<String>> resources = ModuleGraph.resources(MODULES);
        assertThat(resources.get(ModuleGraph.DOMAIN)).contains("module-info.class");
        assertThat(ModuleGraph.uiAssets(resources)).isEmpty();
    }
}
