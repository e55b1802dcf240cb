package dev.paperplane.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The two class sets the rules run against, each imported once per test JVM. */
final class ImportedClasses {

    /** Rejects the planted fixtures wherever they are found, so the production scan can never contain them. */
    private static final ImportOption NO_FIXTURES =
            location -> !location.contains("/" + Roots.FIXTURES.base().replace('.', '/') + "/");

    /**
     * Rejects classes from a test jar (the application's test fixtures are on this module's class path as one),
     * which {@link ImportOption.Predefined#DO_NOT_INCLUDE_TESTS} recognises only as test-class directories.
     */
    private static final ImportOption NO_TEST_JARS = location -> !location.contains("-tests.jar!/");

    private static JavaClasses production;
    private static JavaClasses fixtures;

    private ImportedClasses() {
    }

    /** The main classes of every paperplane module: no test classes, no fixtures. */
    static synchronized JavaClasses production() {
        if (production == null) {
            production = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(NO_TEST_JARS)
                    .withImportOption(NO_FIXTURES)
                    .importPackages(Roots.PRODUCTION.base());
        }
        return production;
    }

    /** The planted violations under {@link Roots#FIXTURES}. */
    static synchronized JavaClasses fixtures() {
        if (fixtures == null) {
            fixtures = new ClassFileImporter().importPackages(Roots.FIXTURES.base());
        }
        return fixtures;
    }
}
