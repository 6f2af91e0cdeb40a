package org.claimscrubber.edits;

import java.math.BigDecimal;
import org.claimscrubber.reference.CatalogRow;

/**
 * How the fee schedule prices a line, from the status code of its pricing row (RVU file documentation,
 * Attachment A): the {@code pricing} value of a decision line. Only {@link #PFS} carries an expected amount.
 */
enum Pricing {
    /** Status A, T or R with RVUs: priced from the RVUs in the place of service's rate setting. */
    PFS,
    /** On the fee schedule, but the NA indicator of the rate setting that the place of service selects is set. */
    PFS_NA,
    /** Status C, or R (and A or T) without RVUs or conversion factor: the contractor sets the amount. */
    CARRIER_PRICED,
    /** Status E, X, J (anesthesia), M (measurement) or a valid code without a fee-schedule row: paid elsewhere, if at all. */
    NOT_PFS,
    /** Status B, P or N: no separate payment (STATUS_NOT_PAYABLE denies the line). */
    NOT_PAYABLE;

    static Pricing of(CatalogRow row, boolean facility) {
        switch (row.statusCode()) {
            case "A", "T", "R" -> {
                if (facility ? row.facilityNa() : row.nonFacilityNa()) {
                    return PFS_NA;
                }
                BigDecimal pe = facility ? row.facilityPeRvu() : row.nonFacilityPeRvu();
                boolean noRvus = isZero(row.workRvu()) && isZero(pe) && isZero(row.mpRvu());
                return noRvus || row.conversionFactor() == null ? CARRIER_PRICED : PFS;
            }
            case "C" -> {
                return CARRIER_PRICED;
            }
            case "B", "P", "N" -> {
                return NOT_PAYABLE;
            }
            default -> {
                return NOT_PFS;
            }
        }
    }

    private static boolean isZero(BigDecimal value) {
        return value == null || value.signum() == 0;
    }
}
