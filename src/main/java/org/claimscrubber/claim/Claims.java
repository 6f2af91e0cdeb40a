package org.claimscrubber.claim;

import java.math.BigDecimal;
import java.util.List;

/** Small helpers shared by the claim readers. */
final class Claims {
    private Claims() {
    }

    static BigDecimal decimal(String text, String where, List<String> problems) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.add(where + ": chargeAmount '" + text + "' is not a decimal");
            return null;
        }
    }
}
