package org.claimscrubber.reference;

/**
 * One row of a CMS practitioner MUE table.
 *
 * @param mai the MUE adjudication indicator: 1 per line, 2 date of service (policy), 3 date of service (clinical)
 * @param maiText the indicator cell as published, such as {@code 2 Date of Service Edit: Policy}
 */
public record MueRow(String code, int value, int mai, String maiText, String rationale) {
}
