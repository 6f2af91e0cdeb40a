package org.claimscrubber.decision;

import java.math.BigDecimal;

/**
 * One factor of a line's adjusted amount: {@code adjustedAllowed} is the line's {@code feeScheduleAmount} times the
 * factors of its adjustments, rounded half-up to cents once.
 *
 * @param kind   {@code UNITS}, {@code COMPONENT}, {@code BILATERAL}, {@code MULTIPLE_PROCEDURE}, {@code ASSISTANT},
 *               {@code NON_PHYSICIAN_ASSISTANT} or {@code DISCONTINUED} (see the README)
 * @param factor the exact multiplier (units, 1.5, 0.5, 0.16, ...)
 * @param note   why, in words a biller can check against the fee schedule
 */
public record PriceAdjustment(String kind, BigDecimal factor, String note) {
}
