package org.claimscrubber.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.reference.ReferenceData;
import picocli.CommandLine.Option;

/**
 * The options of every command that runs the edit engine: the CMS reference folder, the policy file and the
 * provider basis. A command whose {@code --reference} means something else names its own help text under the key
 * {@code reference} of its resource bundle.
 */
public final class EngineOptions {
    @Option(names = "--reference", paramLabel = "DIR", descriptionKey = "reference",
            description = "Folder of CMS files (default: the shipped sample).")
    Path reference;

    @Option(names = "--policies", paramLabel = "FILE", description = "Policy YAML (default: the shipped policy).")
    Path policies;

    @Option(names = "--provider-basis", defaultValue = "RENDERING",
            description = "Which NPI makes lines 'same provider': ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ProviderBasis providerBasis;

    /** The engine on that reference with the policies and provider basis of these options. */
    EditEngine engine(ReferenceData data, Clock clock) {
        return new EditEngine(data, Setup.policies(policies), providerBasis, clock);
    }
}
