package org.claimscrubber.edits;

import java.math.BigDecimal;
import java.util.List;
import org.claimscrubber.decision.PriceAdjustment;
import org.claimscrubber.decision.Severity;
import org.claimscrubber.reference.CatalogRow;

/**
 * What the PPRRVU's payment indicators make of a line's modifiers (RVU file documentation, CMS Claims Processing Manual
 * chapter 12): 26 and TC priced from their rows, 50 by the bilateral indicator, 53 from its row or by the contractor,
 * and an assistant at surgery (80, 81, 82, AS) by the assistant-at-surgery indicator: 0 paid with documentation
 * (REVIEW), 1 never paid (statute) and 9 the concept does not apply (both ASSISTANT_NOT_ALLOWED, CO-54), 2 paid at 16%
 * of the fee schedule amount (AS, a non-physician assistant: 85% of that).
 */
final class PaymentModifiers {
    static final BigDecimal BILATERAL = new BigDecimal("1.5");
    static final BigDecimal EACH_SIDE = new BigDecimal("2");
    static final BigDecimal ASSISTANT = new BigDecimal("0.16");
    static final BigDecimal NON_PHYSICIAN = new BigDecimal("0.85");
    private static final List<String> ASSISTANT_MODIFIERS = List.of("80", "81", "82", "AS");

    private PaymentModifiers() {
    }

    /** The assistant-at-surgery modifier of the line (AS before 80, 81, 82), or null. */
    static String assistantModifier(LineFacts f) {
        if (f.line.hasModifier("AS")) {
            return "AS";
        }
        for (String m : ASSISTANT_MODIFIERS) {
            if (f.line.hasModifier(m)) {
                return m;
            }
        }
        return null;
    }

    /** The row whose indicators decide: the code's row without modifier, else its pricing row. */
    private static CatalogRow indicators(LineFacts f) {
        return f.rows.base() != null ? f.rows.base() : f.pricingRow();
    }

    /** 53 on a code the fee schedule gives no 53 row: the contractor prices it. */
    static boolean discontinuedWithoutRow(LineFacts f) {
        return f.line.hasModifier("53") && !f.rows.byModifier().containsKey("53");
    }

    /** How the modifiers change the line's pricing: an assistant never paid is NOT_PAYABLE, 53 without a row CARRIER_PRICED. */
    static Pricing pricing(LineFacts f, Pricing pricing) {
        if (pricing != Pricing.PFS || f.line.modifiers().isEmpty()) {
            return pricing;
        }
        String assistant = assistantModifier(f);
        if (assistant != null) {
            String indicator = indicators(f).assistantSurgery();
            if ("1".equals(indicator) || "9".equals(indicator)) {
                return Pricing.NOT_PAYABLE;
            }
        }
        return discontinuedWithoutRow(f) ? Pricing.CARRIER_PRICED : pricing;
    }

    /** Adds the line's own payment adjustments (component, discontinued, bilateral, assistant) to {@code list}. */
    static void adjustments(LineFacts f, CatalogRow pricingRow, List<PriceAdjustment> list) {
        if (f.line.modifiers().isEmpty()) {
            return;
        }
        switch (pricingRow.modifier()) {
            case "26" -> list.add(new PriceAdjustment("COMPONENT", BigDecimal.ONE, "professional component (26): priced from the "
                    + f.code + "-26 row's RVUs"));
            case "TC" -> list.add(new PriceAdjustment("COMPONENT", BigDecimal.ONE, "technical component (TC): priced from the "
                    + f.code + "-TC row's RVUs"));
            case "53" -> list.add(new PriceAdjustment("DISCONTINUED", BigDecimal.ONE, "discontinued procedure (53): priced from the "
                    + f.code + "-53 row's RVUs"));
            default -> {
            }
        }
        if (f.line.hasModifier("50")) {
            String bilateral = indicators(f).bilateralIndicator();
            switch (bilateral) {
                case "1" -> list.add(new PriceAdjustment("BILATERAL", BILATERAL, "modifier 50, bilateral indicator 1: 150% of the fee "
                        + "schedule amount for both sides"));
                case "3" -> list.add(new PriceAdjustment("BILATERAL", EACH_SIDE, "modifier 50, bilateral indicator 3: each side at 100%"));
                case "2" -> list.add(new PriceAdjustment("BILATERAL", BigDecimal.ONE, "modifier 50, bilateral indicator 2: the RVUs are "
                        + "already those of a bilateral procedure"));
                default -> {
                }
            }
        }
        String assistant = assistantModifier(f);
        if (assistant != null) {
            list.add(new PriceAdjustment("ASSISTANT", ASSISTANT, "assistant at surgery (" + assistant + "), assistant-at-surgery indicator "
                    + indicatorText(indicators(f).assistantSurgery()) + ": 16% of the fee schedule amount"));
            if (assistant.equals("AS")) {
                list.add(new PriceAdjustment("NON_PHYSICIAN_ASSISTANT", NON_PHYSICIAN, "AS (a physician assistant, nurse practitioner or "
                        + "clinical nurse specialist assisting): 85% of the assistant's 16%"));
            }
        }
    }

    private static String indicatorText(String indicator) {
        return indicator.isEmpty() ? "not given" : indicator;
    }

    /** ASSISTANT_NOT_ALLOWED by the assistant-at-surgery indicator, and DISCONTINUED_PROCEDURE for 53 without a row. */
    static void check(Review review, LineFacts f) {
        if (f.unknown || f.line.modifiers().isEmpty()) {
            return;
        }
        String assistant = assistantModifier(f);
        if (assistant != null) {
            String indicator = indicators(f).assistantSurgery();
            String where = f.code + " with " + assistant + " on line " + f.number() + " (" + f.date + ")";
            String reference = CatalogEdits.citation(f) + ", " + f.code + " assistant-at-surgery indicator " + indicator;
            switch (indicator) {
                case "1" -> review.add(EditCode.ASSISTANT_NOT_ALLOWED.line(f.number(), where + ": an assistant at surgery is never paid for "
                        + f.code + " (assistant-at-surgery indicator 1: statutory payment restriction)", reference));
                case "9" -> review.add(EditCode.ASSISTANT_NOT_ALLOWED.line(f.number(), where + ": the assistant-at-surgery concept does not "
                        + "apply to " + f.code + " (indicator 9)", reference));
                case "0" -> review.add(EditCode.ASSISTANT_NOT_ALLOWED.line(f.number(), Severity.REVIEW, where + ": an assistant at surgery "
                        + "is paid for " + f.code + " only when documentation establishes its medical necessity (assistant-at-surgery "
                        + "indicator 0); if it does, 16% of the fee schedule amount", reference));
                default -> {
                }
            }
        }
        if (discontinuedWithoutRow(f)) {
            review.add(EditCode.DISCONTINUED_PROCEDURE.line(f.number(), f.code + " with 53 on line " + f.number() + " (" + f.date
                    + "): the fee schedule has no 53 row for " + f.code + ", so no price is set; the contractor reviews the record and "
                    + "prices the discontinued procedure by individual consideration", CatalogEdits.citation(f) + ", " + f.code
                    + " (no 53 row)"));
        }
    }
}
