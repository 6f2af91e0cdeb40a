package org.claimscrubber.claim;

import java.time.DateTimeException;
import java.time.LocalDate;

/** A fast, strict reader of ISO calendar dates ({@code yyyy-MM-dd}). */
public final class IsoDates {
    private IsoDates() {
    }

    /** The date, or null when the text is not a valid {@code yyyy-MM-dd} date (surrounding blanks allowed). */
    public static LocalDate parse(String raw) {
        String s = raw.strip();
        return s.length() == 10 ? dateAt(s) : null;
    }

    /** The {@code yyyy-MM-dd} date that the text starts with, or null. */
    private static LocalDate dateAt(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The UTC calendar date of an ISO-8601 instant with an offset ({@code 2026-03-01T10:15:30Z},
     * {@code 2026-03-01T10:15:30.250-05:00}), or null when the text is not one. The common {@code ...Z} shape is read
     * without the java.time parser, which costs more than the rest of a claim's validation.
     */
    public static LocalDate utcDateOfInstant(String raw) {
        String s = raw.strip();
        int n = s.length();
        if (n >= 20 && n <= 30 && s.charAt(n - 1) == 'Z' && s.charAt(10) == 'T' && s.charAt(13) == ':' && s.charAt(16) == ':'
                && inRange(digits(s, 11, 13), 23) && inRange(digits(s, 14, 16), 59) && inRange(digits(s, 17, 19), 59)
                && (n == 20 || (n >= 22 && s.charAt(19) == '.' && digits(s, 20, n - 1) >= 0))) {
            return dateAt(s);
        }
        try {
            return java.time.OffsetDateTime.parse(s).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean inRange(int value, int max) {
        return value >= 0 && value <= max;
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
