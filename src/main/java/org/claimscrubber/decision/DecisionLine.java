package org.claimscrubber.decision;

import java.math.BigDecimal;

/** The code-catalog enrichment of one claim line; RVUs and amounts are null where the catalog has none. */
public record DecisionLine(int lineNumber, String procedureCode, String description, String statusCode,
                           String rateSetting, BigDecimal workRvu, BigDecimal peRvu, BigDecimal mpRvu,
                           BigDecimal conversionFactor, BigDecimal expectedAllowed, Integer mueValue, Integer mai,
                           String globalDays) {
}
