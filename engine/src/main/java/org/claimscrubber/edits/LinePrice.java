package org.claimscrubber.edits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.decision.PriceAdjustment;
import org.claimscrubber.reference.CatalogRow;

/**
 * A priced line's amounts, the way CMS computes a fee schedule amount: [(work RVU x work GPCI) + (PE RVU of the setting x
 * PE GPCI) + (MP RVU x MP GPCI)] x conversion factor, rounded half-up to cents (the per-service amount the PFS look-up
 * tool shows), then the line's adjustments multiplied in and the result rounded half-up to cents once.
 */
final class LinePrice {
    private LinePrice() {
    }

    static BigDecimal fee(CatalogRow row, BigDecimal pe, PricingLocality locality) {
        BigDecimal rvus = orZero(row.workRvu()).multiply(locality.work())
                .add(orZero(pe).multiply(locality.pe()))
                .add(orZero(row.mpRvu()).multiply(locality.mp()));
        return rvus.multiply(row.conversionFactor()).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal allowed(BigDecimal fee, List<PriceAdjustment> adjustments) {
        BigDecimal amount = fee;
        for (PriceAdjustment a : adjustments) {
            amount = amount.multiply(a.factor());
        }
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The adjustments of one line on its own (the multiple procedure ranking comes later, over the claim). */
    static List<PriceAdjustment> adjustments(LineFacts f, CatalogRow pricingRow) {
        List<PriceAdjustment> list = new ArrayList<>(2);
        int units = f.line.units();
        if (units != 1) {
            list.add(new PriceAdjustment("UNITS", BigDecimal.valueOf(units), units + " units"));
        }
        PaymentModifiers.adjustments(f, pricingRow, list);
        return list;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
