package org.claimscrubber.edits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.decision.DecisionLine;
import org.claimscrubber.decision.PriceAdjustment;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.FeeSchedule;

/**
 * UNKNOWN_CODE and MODIFIER_INVALID from the fee schedule, and each line's catalog enrichment
 * ({@link StatusEdits} and {@link PlaceOfService} hold the other fee-schedule edits).
 */
final class CatalogEdits {
    private CatalogEdits() {
    }

    static void unknownCode(Review review, LineFacts f) {
        if (!f.unknown) {
            return;
        }
        String message;
        if (f.release == null) {
            message = f.code + " cannot be checked on " + f.date + " (line " + f.number() + "): no fee schedule release is in force on that date";
        } else if (f.rows == null) {
            message = f.code + " is not in the Medicare fee schedule in force on " + f.date + " (line " + f.number() + ")";
        } else {
            message = f.code + " has status I (not valid for Medicare) on " + f.date + " (line " + f.number() + ")";
        }
        review.add(EditCode.UNKNOWN_CODE.line(f.number(), message, citation(f)));
    }

    static void modifiers(Review review, LineFacts f) {
        CatalogRow base = f.rows == null ? null : f.rows.base();
        if (f.line.hasModifier("RT") || f.line.hasModifier("LT")) {
            bilateralSides(review, f);
        }
        for (String m : f.line.modifiers()) {
            String problem = null;
            switch (m) {
                case "26" -> {
                    if (!f.unknown && base != null && !base.pctcIndicator().equals("1") && !base.pctcIndicator().equals("6")) {
                        problem = "modifier 26 cannot be used with " + f.code + ": its PC/TC indicator is " + base.pctcIndicator()
                                + " (26 needs 1 or 6)";
                    }
                }
                case "TC" -> {
                    if (!f.unknown && base != null && !base.pctcIndicator().equals("1")) {
                        problem = "modifier TC cannot be used with " + f.code + ": its PC/TC indicator is " + base.pctcIndicator()
                                + " (TC needs 1)";
                    }
                }
                case "50" -> {
                    if (!f.unknown && base != null && !base.bilateralIndicator().equals("1") && !base.bilateralIndicator().equals("3")) {
                        problem = "modifier 50 cannot be used with " + f.code + ": its bilateral indicator is " + base.bilateralIndicator()
                                + " (50 needs 1 or 3)";
                    }
                }
                case "25" -> {
                    if (!isEvaluationAndManagement(f.code)) {
                        problem = "modifier 25 belongs on an E/M service (99202-99499), not on " + f.code;
                    }
                }
                default -> {
                }
            }
            if (problem != null) {
                String reference = m.equals("25") ? "CMS modifier 25: significant, separately identifiable E/M service"
                        : citation(f) + ", " + f.code + (m.equals("50") ? " bilateral indicator " + base.bilateralIndicator()
                        : " PC/TC indicator " + base.pctcIndicator());
                review.add(EditCode.MODIFIER_INVALID.line(f.number(), problem + " (line " + f.number() + ")", reference));
            }
        }
    }

    /**
     * RT and LT lines of one code with bilateral indicator 1 on one date (same provider) instead of one line with 50:
     * one finding on all of them, raised at the first.
     */
    private static void bilateralSides(Review review, LineFacts f) {
        if (f.unknown || f.rows.base() == null || !"1".equals(f.rows.base().bilateralIndicator()) || !isOneSide(f)) {
            return;
        }
        List<Integer> group = new ArrayList<>(2);
        int right = 0;
        int left = 0;
        for (LineFacts g : review.lines) {
            if (g.code.equals(f.code) && !g.unknown && isOneSide(g) && g.sameProviderAndDate(f)) {
                if (group.isEmpty() && g != f) {
                    return;
                }
                group.add(g.number());
                if (g.line.hasModifier("RT")) {
                    right += g.line.units();
                } else {
                    left += g.line.units();
                }
            }
        }
        if (right == 0 || left == 0) {
            return;
        }
        int both = Math.min(right, left);
        String rest = right == left ? "" : " and " + f.code + (right > left ? "-RT x " : "-LT x ") + Math.abs(right - left);
        review.add(EditCode.MODIFIER_INVALID.lines(group, List.of(), List.of(), f.code + " is billed on separate RT and LT lines "
                + join(group) + " on " + f.date + "; its bilateral indicator is 1: report " + f.code + "-50 x " + both + rest
                + " instead", citation(f) + ", " + f.code + " bilateral indicator 1"));
    }

    private static String join(List<Integer> numbers) {
        StringBuilder s = new StringBuilder();
        for (int n : numbers) {
            s.append(s.length() == 0 ? "" : ", ").append(n);
        }
        return s.toString();
    }

    private static boolean isOneSide(LineFacts f) {
        return f.line.hasModifier("RT") != f.line.hasModifier("LT") && !f.line.hasModifier("50");
    }

    static boolean isEvaluationAndManagement(String code) {
        if (code.length() != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return false;
            }
        }
        int n = Integer.parseInt(code);
        return n >= 99202 && n <= 99499;
    }

    /**
     * The enrichment of a line whose code is known; null where UNKNOWN_CODE fires. The expected amount is there only
     * where the line is priced from RVUs ({@link Pricing#PFS}), never 0.00 for an unpriced code; such a line also shows
     * its locality, GPCIs, fee schedule amount, adjustments and adjusted amount.
     */
    static DecisionLine enrich(LineFacts f, PricingLocality.Memo localities) {
        if (f.unknown) {
            return null;
        }
        CatalogRow row = f.pricingRow();
        boolean facility = f.facility;
        BigDecimal pe = facility ? row.facilityPeRvu() : row.nonFacilityPeRvu();
        Pricing pricing = PaymentModifiers.pricing(f, Pricing.of(row, facility));
        String setting = facility ? "FACILITY" : "NON_FACILITY";
        Integer mue = f.mue == null ? null : f.mue.value();
        Integer mai = f.mue == null ? null : f.mue.mai();
        if (pricing != Pricing.PFS || f.line.units() <= 0) {
            return new DecisionLine(f.number(), f.code, row.description(), row.statusCode(), setting, row.workRvu(), pe, row.mpRvu(),
                    row.conversionFactor(), null, mue, mai, row.globalDays(), pricing.name());
        }
        PricingLocality locality = localities.on(f.date, f.release);
        BigDecimal fee = LinePrice.fee(row, pe, locality);
        List<PriceAdjustment> adjustments = LinePrice.adjustments(f, row);
        return new DecisionLine(f.number(), f.code, row.description(), row.statusCode(), setting, row.workRvu(), pe, row.mpRvu(),
                row.conversionFactor(), LinePrice.expected(row, pe, f.line.units()), mue, mai, row.globalDays(), pricing.name(),
                locality.zip(), locality.locality(), locality.name(), locality.work(), locality.pe(), locality.mp(), fee, adjustments,
                LinePrice.adjusted(fee, adjustments), locality.note());
    }

    static String citation(LineFacts f) {
        FeeSchedule.Release r = f.release;
        return r == null ? "MPFS RVU: no release in force on " + f.date : "MPFS RVU release " + r.effective() + " (" + r.file() + ")";
    }
}
