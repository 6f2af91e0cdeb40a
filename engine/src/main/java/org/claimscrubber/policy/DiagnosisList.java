package org.claimscrubber.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimscrubber.claim.Normalize;

/**
 * A policy's list of ICD-10-CM codes, each exact or, with a trailing {@code *}, a family by prefix. Matching is on
 * normalised (dot-less, upper-case) codes; a family also matches its non-billable header codes until the diagnosis
 * code reader (contracts §4a rule 4) restricts it to billable ones.
 */
final class DiagnosisList {
    private final Set<String> exact = new HashSet<>();
    private final List<String> families = new ArrayList<>();

    DiagnosisList(List<String> codes) {
        for (String dx : codes) {
            String n = Normalize.diagnosis(dx);
            if (n.endsWith("*")) {
                families.add(n.substring(0, n.length() - 1));
            } else {
                exact.add(n);
            }
        }
    }

    boolean contains(String diagnosis) {
        if (exact.contains(diagnosis)) {
            return true;
        }
        for (String family : families) {
            if (diagnosis.startsWith(family)) {
                return true;
            }
        }
        return false;
    }
}
