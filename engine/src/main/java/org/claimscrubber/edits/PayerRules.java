package org.claimscrubber.edits;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.policy.Policies;

/**
 * What a payer section does to the findings beyond its policies: edits it turns off leave no finding, and an edit's
 * CARC is the payer's. A finding whose group a liability modifier moved (GA: PR) keeps that group with the payer's
 * reason code; otherwise the payer's CARC replaces the edit's whole.
 */
final class PayerRules {
    private PayerRules() {
    }

    static List<Finding> apply(Policies rules, List<Finding> findings) {
        if (rules.payerId() == null) {
            return findings;
        }
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!rules.runs(f.edit())) {
                continue;
            }
            String carc = rules.carc(f.edit());
            kept.add(carc == null || f.carc() == null ? f : f.withAdjustment(mapped(f, carc), f.rarc()));
        }
        return kept;
    }

    private static String mapped(Finding f, String carc) {
        String own = EditCode.valueOf(f.edit()).carc();
        String group = f.carc().substring(0, f.carc().indexOf('-'));
        boolean moved = own != null && !own.startsWith(group + "-");
        return moved ? group + carc.substring(carc.indexOf('-')) : carc;
    }

    /** A problem that makes the claim unusable for the payer: a frequency 7 or 8 claim the payer does not take; else null. */
    static String frequencyProblem(Policies rules, org.claimscrubber.claim.Claim claim) {
        if (rules.acceptsReplacementsAndVoids() || claim.frequency() == null || claim.frequency() == org.claimscrubber.claim.Frequency.ORIGINAL) {
            return null;
        }
        boolean replacement = claim.frequency() == org.claimscrubber.claim.Frequency.REPLACEMENT;
        return "payer " + rules.payerId() + " does not accept frequency " + (replacement ? "7 (replacement)" : "8 (void)")
                + " claims: send the correction as the payer asks (a new original claim, or its corrected-claim process)";
    }
}
