package org.claimscrubber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.claimscrubber.claim.ProviderBasis;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** check and run share one set of engine options: the same names and defaults, each command's own --reference text. */
class EngineOptionsTest {

    @Test
    void checkAndRunReadTheSameEngineOptionsWithTheSameDefaults() {
        CheckCommand check = new CheckCommand();
        RunCommand run = new RunCommand();
        new CommandLine(check).parseArgs("--claims", "c.jsonl");
        new CommandLine(run).parseArgs("--reference", "cms", "--policies", "p.yaml", "--provider-basis", "BILLING");

        assertNull(check.engineOptions.reference);
        assertNull(check.engineOptions.policies);
        assertEquals(ProviderBasis.RENDERING, check.engineOptions.providerBasis);
        assertEquals(Path.of("cms"), run.engineOptions.reference);
        assertEquals(Path.of("p.yaml"), run.engineOptions.policies);
        assertEquals(ProviderBasis.BILLING, run.engineOptions.providerBasis);
    }

    @Test
    void eachCommandKeepsItsOwnMeaningOfReferenceInItsHelp() {
        String check = new CommandLine(new CheckCommand()).getUsageMessage().replaceAll("\\s+", " ");
        String run = new CommandLine(new RunCommand()).getUsageMessage().replaceAll("\\s+", " ");

        assertTrue(check.contains("--reference=DIR Folder of CMS files (default: the shipped sample)."), check);
        assertTrue(run.contains("--reference=DIR Judge with the CMS files of this folder instead of the reference topics "
                + "(which load-reference fills)."), run);
        assertTrue(check.contains("--policies=FILE Policy YAML (default: the shipped policy)."), check);
        assertTrue(run.contains("--policies=FILE Policy YAML (default: the shipped policy)."), run);
        String basis = "Which NPI makes lines 'same provider': RENDERING, BILLING (default: RENDERING).";
        assertTrue(check.contains(basis), check);
        assertTrue(run.contains(basis), run);
    }
}
