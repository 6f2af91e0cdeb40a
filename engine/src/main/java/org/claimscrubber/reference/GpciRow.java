package org.claimscrubber.reference;

import java.math.BigDecimal;

/**
 * One Medicare payment locality's geographic practice cost indices in a year's GPCI file (Addendum E).
 *
 * @param mac       the Medicare administrative contractor (carrier) number, five digits ({@code 01182})
 * @param locality  the locality number within it, two digits ({@code 18})
 * @param name      the locality name as CMS writes it, footnote markers included ({@code ALASKA*})
 * @param workFloor the file says its work GPCIs carry the 1.0 floor ({@code PW GPCI (with 1.0 Floor)} in the header)
 * @param notes     the file's footnotes that this row's name refers to by its markers, joined; empty when none
 */
public record GpciRow(String mac, String state, String locality, String name, BigDecimal work, BigDecimal pe, BigDecimal mp,
                      boolean workFloor, String notes) {

    /** The carrier-locality key shared with the ZIP and county files: {@code 01182-18}. */
    public String key() {
        return Localities.key(mac, locality);
    }
}
