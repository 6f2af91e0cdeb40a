package org.claimscrubber.edits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.decision.DecisionLine;
import org.claimscrubber.decision.PriceAdjustment;

/**
 * The multiple procedure payment reduction for multiple procedure indicator 2 (RVU file documentation), in a line's
 * {@code adjustments} and {@code adjustedAllowed} (contracts §3 keeps it out of {@code expectedAllowed}): the priced
 * procedures of one date and provider on a claim are ranked by their amount per service after their own adjustments
 * (the bilateral adjustment first, as CMS orders it); the first service of the highest is paid at 100%, every other
 * service (further units of that line included) at 50%. The reduction replaces the line's units factor by the services'
 * worth ({@code 1.5} for 2 units of the highest line, {@code 0.5} for 1 unit of another). Procedures of earlier claims
 * of the same date are not re-ranked.
 */
final class MultipleProcedures {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private MultipleProcedures() {
    }

    /** The lines with the reduction applied; {@code facts.get(i)} is the line of {@code lines.get(i)}. */
    static List<DecisionLine> apply(List<LineFacts> facts, List<DecisionLine> lines) {
        int services = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).feeScheduleAmount() != null && "2".equals(facts.get(i).pricingRow().multipleProcedure())) {
                services += facts.get(i).line.units();
            }
        }
        if (services < 2) {
            return lines;
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            LineFacts f = facts.get(i);
            DecisionLine l = lines.get(i);
            if (l.adjustedAllowed() != null && l.feeScheduleAmount() != null && "2".equals(f.pricingRow().multipleProcedure())) {
                groups.computeIfAbsent(f.date + "|" + f.provider, k -> new ArrayList<>(2)).add(i);
            }
        }
        List<DecisionLine> out = null;
        for (List<Integer> group : groups.values()) {
            int inGroup = 0;
            for (int i : group) {
                inGroup += facts.get(i).line.units();
            }
            if (inGroup < 2) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(lines);
            }
            List<Integer> ranked = new ArrayList<>(group);
            ranked.sort(Comparator.comparing((Integer i) -> perService(lines.get(i))).reversed()
                    .thenComparing(i -> lines.get(i).lineNumber()));
            DecisionLine top = lines.get(ranked.get(0));
            for (int rank = 0; rank < ranked.size(); rank++) {
                int i = ranked.get(rank);
                out.set(i, reduce(lines.get(i), facts.get(i), rank == 0, top));
            }
        }
        return out == null ? lines : out;
    }

    private static BigDecimal perService(DecisionLine line) {
        BigDecimal amount = line.feeScheduleAmount();
        for (PriceAdjustment a : line.adjustments()) {
            if (!a.kind().equals("UNITS")) {
                amount = amount.multiply(a.factor());
            }
        }
        return amount;
    }

    private static DecisionLine reduce(DecisionLine line, LineFacts f, boolean highest, DecisionLine top) {
        int units = f.line.units();
        BigDecimal worth = highest ? BigDecimal.ONE.add(HALF.multiply(BigDecimal.valueOf(units - 1L))) : HALF.multiply(BigDecimal.valueOf(units));
        String note;
        if (highest) {
            note = "multiple procedure indicator 2: the highest-priced procedure of " + f.date + " (same provider) at 100%"
                    + (units > 1 ? " for its first unit, its " + (units - 1) + " further unit" + (units > 2 ? "s" : "") + " at 50%" : "");
        } else {
            note = "multiple procedure indicator 2: " + (units > 1 ? units + " units" : "one unit") + " at 50% (" + top.procedureCode()
                    + " on line " + top.lineNumber() + " is the highest-priced procedure of " + f.date + ", same provider)";
        }
        List<PriceAdjustment> adjustments = new ArrayList<>(line.adjustments().size() + 1);
        for (PriceAdjustment a : line.adjustments()) {
            if (!a.kind().equals("UNITS")) {
                adjustments.add(a);
            }
        }
        adjustments.add(new PriceAdjustment("MULTIPLE_PROCEDURE", worth.stripTrailingZeros(), note));
        List<PriceAdjustment> fixed = List.copyOf(adjustments);
        return line.withAdjustments(fixed, LinePrice.adjusted(line.feeScheduleAmount(), fixed));
    }
}
