package org.claimscrubber.decision;

import java.math.BigDecimal;

/**
 * The code-catalog enrichment of one claim line; RVUs and amounts are null where the catalog has none.
 *
 * @param pricing how the fee schedule prices the line: {@code PFS}, {@code PFS_NA}, {@code CARRIER_PRICED},
 *                {@code NOT_PFS} or {@code NOT_PAYABLE} (see the README); null only in decisions written before the field
 */
public record DecisionLine(int lineNumber, String procedureCode, String description, String statusCode,
                           String rateSetting, BigDecimal workRvu, BigDecimal peRvu, BigDecimal mpRvu,
                           BigDecimal conversionFactor, BigDecimal expectedAllowed, Integer mueValue, Integer mai,
                           String globalDays, String pricing) {
}
