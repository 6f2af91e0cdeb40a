package org.claimscrubber.claim;

/**
 * The National Provider Identifier's form: ten digits whose last is a Luhn check digit computed over the card
 * issuer prefix 80840 followed by the first nine (CMS, "Requirements for NPI check digit", ISO/IEC 7812).
 */
public final class Npi {
    private static final String PREFIX = "80840";

    private Npi() {
    }

    /** Whether the text is ten digits with a correct check digit. */
    public static boolean valid(String npi) {
        if (npi == null || npi.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (npi.charAt(i) < '0' || npi.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit that completes nine digits into an NPI. */
    public static int checkDigit(String firstNine) {
        String digits = PREFIX + firstNine;
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
