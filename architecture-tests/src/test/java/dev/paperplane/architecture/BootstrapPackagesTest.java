package dev.paperplane.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.paperplane.archfixtures.bootstrap.RunCommand;
import dev.paperplane.archfixtures.bootstrap.cli.FormatFlag;
import dev.paperplane.archfixtures.bootstrap.logging.FormatError;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap's packages by concept: every command in one package, and packages that depend one way (command →
 * config → store → cli), each rule also shown to fail on a planted violation.
 */
class BootstrapPackagesTest {

    static ArchRule commandsLiveInOnePackage(Roots roots) {
        return classes().that().resideInAPackage(roots.bootstrap() + "..").and().areTopLevelClasses()
                .and().areNotInterfaces().and().haveSimpleNameEndingWith("Command")
                .should().resideInAPackage(roots.bootstrap() + ".command")
                .as("every *Command of bootstrap is in " + roots.bootstrap() + ".command");
    }

    static ArchRule packagesAreFreeOfCycles(Roots roots) {
        return slices().matching(roots.bootstrap() + ".(*)..").should().beFreeOfCycles()
                .as("bootstrap's packages depend one way");
    }

    @Test
    void everyCommandIsInTheCommandPackage() {
        commandsLiveInOnePackage(Roots.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void bootstrapPackagesAreFreeOfCycles() {
        packagesAreFreeOfCycles(Roots.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void theCommandRuleReportsACommandOutsideTheCommandPackage() {
        assertThat(violations(commandsLiveInOnePackage(Roots.FIXTURES))).contains(RunCommand.class.getName());
    }

    @Test
    void theCycleRuleReportsTwoPackagesUsingEachOther() {
        assertThat(violations(packagesAreFreeOfCycles(Roots.FIXTURES)))
                .contains(FormatFlag.class.getName()).contains(FormatError.class.getName());
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(ImportedClasses.fixtures());
        assertThat(result.hasViolation()).as("rule %s reports a violation", rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }
}
