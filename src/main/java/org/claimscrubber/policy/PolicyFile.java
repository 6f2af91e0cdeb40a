package org.claimscrubber.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The YAML policy file as written by operators; see README "Policies" for the format. */
public record PolicyFile(@JsonProperty("policies") List<PolicySpec> policies) {

    /** One policy. */
    public record PolicySpec(String id, String name, String reference, List<RegionSpec> regions,
                             boolean oneRegionPerSession, Frequency frequency, List<NotCovered> notCovered) {
        public PolicySpec {
            regions = regions == null ? List.of() : regions;
            notCovered = notCovered == null ? List.of() : notCovered;
        }
    }

    /** A region: the codes it groups, the diagnoses that make them covered, and per-session level limits. */
    public record RegionSpec(String name, List<String> codes, List<String> coveredDiagnoses, List<LevelSpec> levels) {
        public RegionSpec {
            codes = codes == null ? List.of() : codes;
            coveredDiagnoses = coveredDiagnoses == null ? List.of() : coveredDiagnoses;
            levels = levels == null ? List.of() : levels;
        }
    }

    /** At most {@code max} units of these codes in one session. */
    public record LevelSpec(String name, List<String> codes, int max) {
    }

    /** At most {@code maxSessions} sessions per region per member in any window of {@code windowDays} days. */
    public record Frequency(int maxSessions, int windowDays) {
    }

    /** A code, or a code with a modifier, that the policy never covers. */
    public record NotCovered(String code, String modifier, String reason) {
    }
}
