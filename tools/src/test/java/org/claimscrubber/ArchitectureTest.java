package org.claimscrubber;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries that the compiler alone does not keep: engine code does not use Kafka (engine's pom has no
 * Kafka, but a class could still be put in an engine package of another module), and the top-level packages depend on
 * each other without cycles. Runs in tools, the module that sees every other one.
 */
class ArchitectureTest {
    static final String[] ENGINE = {"org.claimscrubber.claim..", "org.claimscrubber.reference..", "org.claimscrubber.policy..",
        "org.claimscrubber.history..", "org.claimscrubber.edits..", "org.claimscrubber.decision..", "org.claimscrubber.generate.."};

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ArchitectureTest::isProductionCode).importPackages("org.claimscrubber");
    }

    /** Main classes of every module (target/classes or a module's jar), no test classes and no test-jars. */
    static boolean isProductionCode(Location location) {
        return ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.contains("-tests.jar");
    }

    @Test
    void importsTheClassesOfEveryModule() {
        for (String name : new String[] {"org.claimscrubber.edits.EditEngine", "org.claimscrubber.stream.ClaimTopology",
            "org.claimscrubber.cli.ToolsMain"}) {
            assertTrue(production.contain(name), name);
        }
        assertTrue(production.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")), "no test classes");
    }

    @Test
    void engineCodeDoesNotUseKafka() {
        noClasses().that().resideInAnyPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
                .check(production);
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("org.claimscrubber.(*)..").should().beFreeOfCycles().check(production);
    }
}
