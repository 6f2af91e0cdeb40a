package org.claimscrubber.reference;

/** Compact integer keys for five-character CPT/HCPCS codes, used by the PTP pair index. */
public final class Codes {
    private static final int RADIX = 36;

    private Codes() {
    }

    /** Encodes a five-character code of digits and upper-case letters, or returns -1. */
    public static int encode(CharSequence code) {
        if (code == null || code.length() != 5) {
            return -1;
        }
        int key = 0;
        for (int i = 0; i < 5; i++) {
            int digit = Character.digit(code.charAt(i), RADIX);
            if (digit < 0 || Character.isLowerCase(code.charAt(i))) {
                return -1;
            }
            key = key * RADIX + digit;
        }
        return key;
    }

    /** Decodes a key made by {@link #encode}. */
    public static String decode(int key) {
        char[] chars = new char[5];
        for (int i = 4; i >= 0; i--) {
            chars[i] = Character.toUpperCase(Character.forDigit(key % RADIX, RADIX));
            key /= RADIX;
        }
        return new String(chars);
    }

    /** The key of the ordered pair (column 1, column 2), or -1 when either code cannot be encoded. */
    public static long pair(CharSequence column1, CharSequence column2) {
        int a = encode(column1);
        int b = encode(column2);
        return a < 0 || b < 0 ? -1 : pair(a, b);
    }

    public static long pair(int column1, int column2) {
        return ((long) column1 << 32) | column2;
    }

    /** True for a five-character code of digits and upper-case letters. */
    public static boolean isCode(CharSequence code) {
        return encode(code) >= 0;
    }
}
