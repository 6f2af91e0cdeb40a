package org.claimscrubber.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One service line as the engine sees it. Codes and modifiers are trimmed and upper-cased; a field that was
 * missing or unreadable is null ({@link #MISSING} for the line number and units) and its problem is on the claim.
 */
public record Line(int lineNumber, String procedureCode, List<String> modifiers, int units, LocalDate serviceDate,
                   List<Integer> diagnosisPointers, BigDecimal chargeAmount, String renderingProviderNpi,
                   String placeOfService) {
    /** The lineNumber or units of a line whose field was missing or unreadable (the claim carries the problem). */
    public static final int MISSING = Integer.MIN_VALUE;

    public boolean hasModifier(String modifier) {
        return modifiers.contains(modifier);
    }
}
