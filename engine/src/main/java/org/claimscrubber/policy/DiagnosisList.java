package org.claimscrubber.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.claimscrubber.claim.Normalize;

/**
 * A policy's list of ICD-10-CM codes, each exact or, with a trailing {@code *}, a family by prefix. Matching is on
 * normalised (dot-less, upper-case) codes. A family matches only billable codes (contracts §4a rule 4): {@code B02.2*}
 * takes B02.21 or B02.29, never the header B02.2 itself nor a code the ICD-10-CM release does not hold.
 */
final class DiagnosisList {
    /** An ICD-10-CM code without its dot: a letter, a digit, then one to five letters or digits (M54.16 is M5416). */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");
    /** A family: a letter, a digit, up to five more, then {@code *} (G35*, M50.1*). */
    private static final java.util.regex.Pattern FAMILY = java.util.regex.Pattern.compile("[A-Z][0-9][0-9A-Z]{0,5}\\*");

    private final Set<String> exact = new HashSet<>();
    private final List<String> families = new ArrayList<>();

    /** Refuses an entry that cannot be an ICD-10-CM code or family ({@code field} names the list in the message). */
    DiagnosisList(List<String> codes, String field, String key) {
        for (String dx : codes) {
            String n = Normalize.diagnosis(dx);
            if (n == null || !(CODE.matcher(n).matches() || FAMILY.matcher(n).matches())) {
                throw new Policy.Invalid(field + " names '" + dx + "', which is not an ICD-10-CM code or family (M54.16, G35*)",
                        key, dx, false);
            }
            if (n.endsWith("*")) {
                families.add(n.substring(0, n.length() - 1));
            } else {
                exact.add(n);
            }
        }
    }

    /**
     * Whether the list holds the diagnosis; {@code billable} says whether it is a billable code on the date of service
     * (true when no ICD-10-CM release is loaded to tell), which a family match needs.
     */
    boolean contains(String diagnosis, boolean billable) {
        if (exact.contains(diagnosis)) {
            return true;
        }
        if (!billable) {
            return false;
        }
        for (String family : families) {
            if (diagnosis.startsWith(family)) {
                return true;
            }
        }
        return false;
    }
}
