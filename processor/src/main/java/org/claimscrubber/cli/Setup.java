package org.claimscrubber.cli;

import java.nio.file.Path;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;

/** What every command that runs the engine loads first: the reference (shipped sample by default) and the policies. */
final class Setup {
    private Setup() {
    }

    static ReferenceData reference(Path dir) {
        return dir == null ? ReferenceLoader.loadSample() : ReferenceLoader.load(dir);
    }

    /** The engine on the shipped sample reference and policy, as the benches and fault runs use it. */
    static org.claimscrubber.edits.EditEngine sampleEngine() {
        return new org.claimscrubber.edits.EditEngine(org.claimscrubber.reference.ReferenceLoader.loadSample(), policies(null),
                org.claimscrubber.claim.ProviderBasis.RENDERING, ProcessingClock.system());
    }

    static Policies policies(Path file) {
        return file == null ? Policies.loadDefault() : Policies.load(file);
    }
}
