package org.claimscrubber.reference;

import java.math.BigDecimal;

/**
 * One row of the Medicare physician fee schedule relative value file (PPRRVU): a code, optionally with a
 * modifier, and what CMS says about it. RVUs are null where the file leaves them blank.
 */
public record CatalogRow(String code, String modifier, String description, String statusCode,
                         BigDecimal workRvu, BigDecimal nonFacilityPeRvu, boolean nonFacilityNa,
                         BigDecimal facilityPeRvu, boolean facilityNa, BigDecimal mpRvu,
                         String pctcIndicator, String globalDays, String multipleProcedure,
                         String bilateralIndicator, BigDecimal conversionFactor) {
}
