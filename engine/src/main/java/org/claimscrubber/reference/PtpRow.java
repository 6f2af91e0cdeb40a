package org.claimscrubber.reference;

import java.time.LocalDate;

/**
 * One row of an NCCI procedure-to-procedure file.
 *
 * @param deletion null when the file says {@code *} (still in force)
 * @param source the file's version, such as {@code ccipra-v322r0}
 */
public record PtpRow(String column1, String column2, boolean before1996, LocalDate effective, LocalDate deletion,
                     int modifierIndicator, String rationale, String source) {
}
