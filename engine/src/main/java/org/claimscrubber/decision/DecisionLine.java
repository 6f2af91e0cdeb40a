package org.claimscrubber.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * The code-catalog enrichment of one claim line; RVUs and amounts are null where the catalog has none.
 *
 * @param expectedAllowed   contracts §3: (work RVU + PE RVU of the setting + MP RVU) x CF x units at GPCI 1.0 (national,
 *                          whatever the claim's ZIP), rounded half-up to cents once; no multiple-procedure, bilateral or
 *                          assistant adjustment; null where the line is not priced from RVUs
 * @param pricing           how the fee schedule prices the line: {@code PFS}, {@code PFS_NA}, {@code CARRIER_PRICED},
 *                          {@code NOT_PFS} or {@code NOT_PAYABLE} (see the README); null only in decisions written before the field
 * @param pricingZip        the ZIP that chose the locality (the service facility's, else the billing provider's); null when none
 * @param pricingLocality   the MAC locality code as the PFS look-up tool writes it ({@code 0118218}); null when the line is
 *                          priced with national GPCIs (no ZIP, a ZIP not in the ZIP5 file, no GPCI file of the RVU year)
 * @param workGpci          the GPCIs the fee schedule amount was computed with (1.0 each when national); null when unpriced
 * @param feeScheduleAmount [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF, rounded half-up to
 *                          cents: one service before adjustments
 * @param adjustments       the factors that turn the fee schedule amount into {@code adjustedAllowed}; empty when none
 * @param adjustedAllowed   {@code feeScheduleAmount} x every factor of {@code adjustments} (units, 26/TC/53 rows, bilateral,
 *                          multiple procedure, assistant), rounded half-up to cents once: the amount after the PPRRVU's
 *                          payment indicators; null where {@code expectedAllowed} is
 * @param pricingNote       where the locality and GPCIs came from, in words (or why national GPCIs were used)
 */
public record DecisionLine(int lineNumber, String procedureCode, String description, String statusCode,
                           String rateSetting, BigDecimal workRvu, BigDecimal peRvu, BigDecimal mpRvu,
                           BigDecimal conversionFactor, BigDecimal expectedAllowed, Integer mueValue, Integer mai,
                           String globalDays, String pricing, String pricingZip, String pricingLocality, String localityName,
                           BigDecimal workGpci, BigDecimal peGpci, BigDecimal mpGpci, BigDecimal feeScheduleAmount,
                           List<PriceAdjustment> adjustments, BigDecimal adjustedAllowed, String pricingNote) {

    /** A line without locality pricing (as decisions before it were written). */
    public DecisionLine(int lineNumber, String procedureCode, String description, String statusCode,
                        String rateSetting, BigDecimal workRvu, BigDecimal peRvu, BigDecimal mpRvu,
                        BigDecimal conversionFactor, BigDecimal expectedAllowed, Integer mueValue, Integer mai,
                        String globalDays, String pricing) {
        this(lineNumber, procedureCode, description, statusCode, rateSetting, workRvu, peRvu, mpRvu, conversionFactor, expectedAllowed,
                mueValue, mai, globalDays, pricing, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same line with other adjustments and adjusted amount (after the claim-wide multiple procedure ranking). */
    public DecisionLine withAdjustments(List<PriceAdjustment> newAdjustments, BigDecimal adjusted) {
        return new DecisionLine(lineNumber, procedureCode, description, statusCode, rateSetting, workRvu, peRvu, mpRvu, conversionFactor,
                expectedAllowed, mueValue, mai, globalDays, pricing, pricingZip, pricingLocality, localityName, workGpci, peGpci, mpGpci,
                feeScheduleAmount, newAdjustments, adjusted, pricingNote);
    }
}
