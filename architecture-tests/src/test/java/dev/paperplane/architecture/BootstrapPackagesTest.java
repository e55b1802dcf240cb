package dev.paperplane.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.paperplane.archfixtures.bootstrap.RunCommand;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap's packages by concept: every command in one package, shown to fail on a planted violation. That its
 * packages depend one way (command → config → store → cli) is the rule every module keeps
 * ({@code PhaseBoundaryRulesTest#packagesOfEveryModuleAreFreeOfCycles}).
 */
class BootstrapPackagesTest {

    static ArchRule commandsLiveInOnePackage(Roots roots) {
        return classes().that().resideInAPackage(roots.bootstrap() + "..").and().areTopLevelClasses()
                .and().areNotInterfaces().and().haveSimpleNameEndingWith("Command")
                .should().resideInAPackage(roots.bootstrap() + ".command")
                .as("every *Command of bootstrap is in " + roots.bootstrap() + ".command");
    }

    @Test
    void everyCommandIsInTheCommandPackage() {
        commandsLiveInOnePackage(Roots.PRODUCTION).check(ImportedClasses.production());
    }

    @Test
    void theCommandRuleReportsACommandOutsideTheCommandPackage() {
        assertThat(violations(commandsLiveInOnePackage(Roots.FIXTURES))).contains(RunCommand.class.getName());
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(ImportedClasses.fixtures());
        assertThat(result.hasViolation()).as("rule %s reports a violation", rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }
}
