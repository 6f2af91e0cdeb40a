package org.claimscrubber.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.claimscrubber.reference.MueRow;

/**
 * MUE: MAI 1 compares each line's units with the value; MAI 2 and 3 sum the code's units for the same member,
 * provider and date over this claim and earlier accepted claims.
 */
final class MueEdit {
    private MueEdit() {
    }

    static void check(Review review) {
        List<LineFacts> lines = review.lines;
        boolean[] done = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            LineFacts f = lines.get(i);
            MueRow mue = f.mue;
            if (mue == null || done[i]) {
                continue;
            }
            if (mue.mai() == 1) {
                if (f.line.units() > mue.value()) {
                    review.add(EditCode.MUE.line(f.number(), f.line.units() + " units of " + f.code + " on line " + f.number()
                            + " exceed the MUE of " + mue.value() + " per line on " + f.date, citation(review, f)));
                }
                continue;
            }
            List<Integer> group = new ArrayList<>(2);
            int claimUnits = 0;
            for (int j = i; j < lines.size(); j++) {
                LineFacts g = lines.get(j);
                if (g.code.equals(f.code) && g.sameProviderAndDate(f)) {
                    done[j] = true;
                    group.add(g.number());
                    claimUnits += g.line.units();
                }
            }
            int historyUnits = 0;
            Set<String> claims = new LinkedHashSet<>();
            for (HistoryIndex.Entry e : review.history.on(f.date, f.code)) {
                if (e.provider().equals(f.provider)) {
                    historyUnits += e.line().units();
                    claims.add(e.claimId());
                }
            }
            long total = (long) claimUnits + historyUnits;
            if (total > mue.value()) {
                review.add(EditCode.MUE.lines(group, List.of(), new ArrayList<>(claims),
                        message(f.code, f.date, total, claimUnits, historyUnits, mue), citation(review, f)));
            }
        }
    }

    private static String message(String code, LocalDate date, long total, int claimUnits, int historyUnits, MueRow mue) {
        String split = historyUnits == 0 ? "" : " (" + claimUnits + " on this claim, " + historyUnits + " on earlier claims)";
        String tail = mue.mai() == 3 ? "; payable on appeal only with supporting records" : "; this limit cannot be bypassed";
        return total + " units of " + code + split + " on " + date + " for the same member and provider exceed the MUE of "
                + mue.value() + " per day" + tail;
    }

    private static String citation(Review review, LineFacts f) {
        LocalDate edition = review.reference.mue().editionOn(f.date);
        return "CMS practitioner MUE edition " + edition + ": " + f.code + " value " + f.mue.value() + ", MAI " + f.mue.maiText();
    }
}
