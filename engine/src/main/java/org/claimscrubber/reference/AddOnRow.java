package org.claimscrubber.reference;

import java.time.LocalDate;

/**
 * One row of CMS's add-on code edit file: an add-on code, one of its primary codes ({@link #CONTRACTOR_DEFINED} when
 * the MAC defines them), the edit type (1, 2 or 3), and the dates between which the row is in force (its deletion date
 * is the earliest of the add-on code's, the primary code's and the edit's, null when none is set).
 */
public record AddOnRow(int type, String addOn, String primary, LocalDate effective, LocalDate deletion) {
    /** The primary code of a row whose primaries the contractor (MAC) defines. */
    public static final String CONTRACTOR_DEFINED = "CCCCC";

    public boolean inForce(LocalDate date) {
        return !date.isBefore(effective) && (deletion == null || !date.isAfter(deletion));
    }
}
