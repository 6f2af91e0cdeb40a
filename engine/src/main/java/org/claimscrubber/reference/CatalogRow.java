package org.claimscrubber.reference;

import java.math.BigDecimal;

/**
 * One row of the Medicare physician fee schedule relative value file (PPRRVU): a code, optionally with a
 * modifier, and what CMS says about it. RVUs are null where the file leaves them blank.
 *
 * @param assistantSurgery the ASST SURG indicator (column 21): 0 paid with documentation, 1 never paid (statutory),
 *                         2 may be paid, 9 concept does not apply; empty where not known
 */
public record CatalogRow(String code, String modifier, String description, String statusCode,
                         BigDecimal workRvu, BigDecimal nonFacilityPeRvu, boolean nonFacilityNa,
                         BigDecimal facilityPeRvu, boolean facilityNa, BigDecimal mpRvu,
                         String pctcIndicator, String globalDays, String multipleProcedure,
                         String bilateralIndicator, BigDecimal conversionFactor, String assistantSurgery) {

    /** A row without the assistant-at-surgery indicator. */
    public CatalogRow(String code, String modifier, String description, String statusCode,
                      BigDecimal workRvu, BigDecimal nonFacilityPeRvu, boolean nonFacilityNa,
                      BigDecimal facilityPeRvu, boolean facilityNa, BigDecimal mpRvu,
                      String pctcIndicator, String globalDays, String multipleProcedure,
                      String bilateralIndicator, BigDecimal conversionFactor) {
        this(code, modifier, description, statusCode, workRvu, nonFacilityPeRvu, nonFacilityNa, facilityPeRvu, facilityNa, mpRvu,
                pctcIndicator, globalDays, multipleProcedure, bilateralIndicator, conversionFactor, "");
    }
}
