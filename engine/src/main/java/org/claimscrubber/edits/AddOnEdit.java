package org.claimscrubber.edits;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.decision.Severity;
import org.claimscrubber.reference.AddOnTable;

/**
 * ADD_ON_CODE: an add-on code needs its primary service from the same provider on the same date, on this claim or
 * on an accepted claim in history. Type 1 (primaries listed by CMS) is denied without one; types 2 and 3 (primaries
 * defined, or also defined, by the contractor) are sent for review when no listed primary is there.
 */
final class AddOnEdit {
    private AddOnEdit() {
    }

    static void check(Review review) {
        for (LineFacts addOn : review.lines) {
            AddOnTable.Rule rule = review.reference.addOns().rule(addOn.code, addOn.date);
            if (rule == null || primaryPresent(review, addOn, rule)) {
                continue;
            }
            review.add(finding(addOn, rule));
        }
    }

    private static boolean primaryPresent(Review review, LineFacts addOn, AddOnTable.Rule rule) {
        for (LineFacts other : review.lines) {
            if (other != addOn && other.sameProviderAndDate(addOn) && rule.primaries().contains(other.code)) {
                return true;
            }
        }
        for (HistoryIndex.Entry e : review.history.on(addOn.date)) {
            if (e.provider().equals(addOn.provider) && rule.primaries().contains(e.line().code())) {
                return true;
            }
        }
        return false;
    }

    private static org.claimscrubber.decision.Finding finding(LineFacts addOn, AddOnTable.Rule rule) {
        String citation = "CMS add-on code edits " + rule.release() + ", " + rule.addOn() + " type " + rule.type();
        List<String> listed = new ArrayList<>(rule.primaries());
        listed.sort(null);
        String shown = listed.size() > 8 ? String.join(", ", listed.subList(0, 8)) + " and " + (listed.size() - 8) + " more"
                : String.join(", ", listed);
        String head = addOn.code + " (line " + addOn.number() + ") is an add-on code: it is paid only with its primary service by the "
                + "same provider on " + addOn.date;
        if (rule.type() == 1) {
            return EditCode.ADD_ON_CODE.line(addOn.number(), head + "; none of its primary codes (" + shown
                    + ") is on this claim or on an accepted claim for that date", citation);
        }
        String contractor = listed.isEmpty() ? "its primary codes are defined by the Medicare contractor"
                : "none of its listed primary codes (" + shown + ") is on this claim or on an accepted claim, and the contractor may define others";
        return EditCode.ADD_ON_CODE.line(addOn.number(), Severity.REVIEW, head + "; " + contractor
                + ": confirm that a qualifying primary service was billed", citation);
    }
}
