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
        return luhn(npi) == npi.charAt(9) - '0';
    }

    /** The check digit that completes nine digits into an NPI. */
    public static int checkDigit(String firstNine) {
        if (firstNine.length() != 9) {
            throw new IllegalArgumentException("an NPI's check digit completes nine digits, not " + firstNine.length());
        }
        for (int i = 0; i < 9; i++) {
            if (firstNine.charAt(i) < '0' || firstNine.charAt(i) > '9') {
                throw new IllegalArgumentException("an NPI's check digit completes nine digits: " + firstNine);
            }
        }
        return luhn(firstNine);
    }

    /**
     * Luhn's check digit of {@value #PREFIX} followed by the first nine digits of {@code digits}, counted from the right:
     * the rightmost (the ninth of ours) is doubled, then every other one.
     */
    private static int luhn(String digits) {
        int sum = 0;
        boolean doubled = true;
        for (int i = 8 + PREFIX.length(); i >= 0; i--) {
            int d = (i < PREFIX.length() ? PREFIX.charAt(i) : digits.charAt(i - PREFIX.length())) - '0';
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
