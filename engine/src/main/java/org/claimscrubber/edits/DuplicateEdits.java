package org.claimscrubber.edits;

import java.util.List;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.Frequency;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.history.MemberHistory;

/** DUPLICATE_CLAIM (an accepted claim id sent again as an ORIGINAL) and DUPLICATE_LINE (a line already paid). */
final class DuplicateEdits {
    private static final List<String> REPEAT_MODIFIERS = List.of("76", "77", "91");

    private DuplicateEdits() {
    }

    static Finding duplicateClaim(Claim claim, MemberHistory history) {
        if (claim.frequency() != Frequency.ORIGINAL || history.claim(claim.claimId()) == null) {
            return null;
        }
        // Contracts §4: relatedClaimIds are "the earlier accepted claims that caused it": here the accepted claim of this id.
        return EditCode.DUPLICATE_CLAIM.lines(List.of(), List.of(), List.of(claim.claimId()), "claim " + claim.claimId()
                        + " was already accepted; send a REPLACEMENT (frequency 7) to change it or a VOID (8) to cancel it",
                "exact duplicate of an accepted claim (CARC 18)");
    }

    static void duplicateLines(Review review, LineFacts f) {
        for (String m : REPEAT_MODIFIERS) {
            if (f.line.hasModifier(m)) {
                return;
            }
        }
        for (HistoryIndex.Entry e : review.history.on(f.date, f.code)) {
            if (e.provider().equals(f.provider) && sameSet(e.line().modifiers(), f.line.modifiers())) {
                review.add(EditCode.DUPLICATE_LINE.lines(List.of(f.number()), List.of(), List.of(e.claimId()),
                        f.code + " on " + f.date + " (line " + f.number() + ") was already accepted on claim " + e.claimId()
                                + " line " + e.line().lineNumber() + " for the same member and provider; use 76, 77 or 91 if it was repeated",
                        "exact duplicate of an accepted line (CARC 18)"));
                return;
            }
        }
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b) && b.containsAll(a);
    }
}
