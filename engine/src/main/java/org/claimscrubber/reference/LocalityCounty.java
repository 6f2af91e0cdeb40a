package org.claimscrubber.reference;

/**
 * One row of CMS's locality-to-county file ({@code 25LOCCO.csv}): a payment locality and the counties it holds.
 *
 * @param mac       the Medicare administrative contractor number, five digits (the file drops leading zeros: {@code 1112})
 * @param locality  the locality number, two digits (the file writes {@code 5} for {@code 05})
 * @param state     the state's name as the file writes it on the locality's first row (later rows leave it blank)
 * @param area      the fee schedule area ({@code STATEWIDE}, {@code MANHATTAN}, ...)
 * @param counties  the counties, as the file lists them
 */
public record LocalityCounty(String mac, String locality, String state, String area, String counties) {

    public String key() {
        return Localities.key(mac, locality);
    }
}
