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
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
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
