package org.claimscrubber.reference;

/**
 * One record of CMS's ZIP code to carrier locality file ({@code ZIP5_OCT2025.txt}).
 *
 * @param rural       {@code ' '} urban, {@code 'R'} rural, {@code 'B'} super rural (column 15)
 * @param plusFour    the ZIP is split between localities by ZIP+4 (column 21 is {@code 1}); the ZIP5 record gives its
 *                    main locality, the ZIP9 file the others
 * @param yearQuarter the record's {@code YYYYQ} (columns 76-80), blank when the record is shorter
 */
public record ZipLocality(String zip, String state, String mac, String locality, char rural, boolean plusFour, String yearQuarter) {

    public String key() {
        return Localities.key(mac, locality);
    }
}
