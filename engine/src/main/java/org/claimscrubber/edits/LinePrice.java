package org.claimscrubber.edits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.decision.PriceAdjustment;
import org.claimscrubber.reference.CatalogRow;

/**
 * A priced line's amounts. The fee schedule amount, the way CMS computes it: [(work RVU x work GPCI) + (PE RVU of the
 * setting x PE GPCI) + (MP RVU x MP GPCI)] x conversion factor, rounded half-up to cents (the per-service amount the PFS
 * look-up tool shows) with the GPCIs of the claim's locality; the adjusted amount: that times the line's adjustments,
 * rounded half-up to cents once. The expected amount of contracts §3 is national whatever the locality: the same RVUs at
 * GPCI 1.0 x conversion factor x units, rounded half-up to cents once, without adjustments.
 */
final class LinePrice {
    private LinePrice() {
    }

    static BigDecimal fee(CatalogRow row, BigDecimal pe, PricingLocality locality) {
        return perService(row, pe, locality).setScale(2, RoundingMode.HALF_UP);
    }

    /** Contracts §3's expectedAllowed: (work + PE + MP RVUs) x conversion factor x units at GPCI 1.0, rounded once. */
    static BigDecimal expected(CatalogRow row, BigDecimal pe, int units) {
        BigDecimal rvus = orZero(row.workRvu()).add(orZero(pe)).add(orZero(row.mpRvu()));
        return rvus.multiply(row.conversionFactor()).multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal perService(CatalogRow row, BigDecimal pe, PricingLocality locality) {
        BigDecimal rvus = orZero(row.workRvu()).multiply(locality.work())
                .add(orZero(pe).multiply(locality.pe()))
                .add(orZero(row.mpRvu()).multiply(locality.mp()));
        return rvus.multiply(row.conversionFactor());
    }

    static BigDecimal adjusted(BigDecimal fee, List<PriceAdjustment> adjustments) {
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
