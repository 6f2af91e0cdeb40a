package org.claimscrubber.edits;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.claimscrubber.reference.PtpTable;

/**
 * Contracts §4a rule 2: what the modifiers on a PTP pair's two lines do to an edit with modifier indicator 1. An
 * NCCI-associated modifier bypasses only where it means something; 24, 58, 78 and 79 ask for review instead.
 */
final class PtpModifiers {
    /** From this date of service 59 and the X modifiers may sit on the column-1 line too (domain.md §1). */
    static final LocalDate EITHER_LINE_FROM = LocalDate.of(2019, 7, 1);

    private static final Set<String> DISTINCT = Set.of("59", "XE", "XP", "XS", "XU");
    private static final Set<String> ANATOMIC = Set.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI");
    private static final Set<String> GLOBAL_PERIOD = Set.of("24", "58", "78", "79");
    private static final Set<String> OTHER_ASSOCIATED = Set.of("25", "27", "57", "91");

    private PtpModifiers() {
    }

    /** What the modifiers do. */
    enum Outcome { BYPASSED, REVIEW, DENIED }

    /**
     * @param modifier the modifier that bypassed (BYPASSED), asked for review (REVIEW), or, for DENIED, an associated
     *                 modifier that was present but does not count here (null when there is none)
     */
    record Verdict(Outcome outcome, String modifier) {
    }

    /** True when the column-1 code's global days matter (an E/M column-2 code): pass them to {@link #judge}. */
    static boolean needsGlobalDays(PtpTable.Edit edit) {
        return edit.modifierIndicator() == 1 && isEm(edit.column2());
    }

    static Verdict judge(PtpTable.Edit edit, List<String> column1, List<String> column2, String column1GlobalDays, LocalDate date) {
        if (edit.modifierIndicator() != 1) {
            return new Verdict(Outcome.DENIED, null);
        }
        String bypass = bypass(edit, column1, column2, column1GlobalDays, date);
        if (bypass != null) {
            return new Verdict(Outcome.BYPASSED, bypass);
        }
        String review = first(column2, GLOBAL_PERIOD);
        review = review != null ? review : first(column1, GLOBAL_PERIOD);
        if (review != null) {
            return new Verdict(Outcome.REVIEW, review);
        }
        String ignored = firstAssociated(column2);
        return new Verdict(Outcome.DENIED, ignored != null ? ignored : firstAssociated(column1));
    }

    /** The modifier an E/M column-2 line needs: 57 when the column-1 code has 090 global days, else 25. */
    static String emModifier(String column1GlobalDays) {
        return "090".equals(column1GlobalDays) ? "57" : "25";
    }

    static boolean isEm(String code) {
        return inRange(code, 99202, 99499);
    }

    private static String bypass(PtpTable.Edit edit, List<String> column1, List<String> column2, String column1GlobalDays,
                                 LocalDate date) {
        if (isEm(edit.column2())) {
            String needed = emModifier(column1GlobalDays);
            return column2.contains(needed) ? needed : null;
        }
        String distinct = first(column2, DISTINCT);
        if (distinct == null && !isEm(edit.column1()) && !date.isBefore(EITHER_LINE_FROM)) {
            distinct = first(column1, DISTINCT);
        }
        if (distinct != null) {
            return distinct;
        }
        String anatomic = differingAnatomic(column1, column2);
        if (anatomic != null) {
            return anatomic;
        }
        boolean labs = inRange(edit.column1(), 80047, 89398) && inRange(edit.column2(), 80047, 89398);
        return labs && (column1.contains("91") || column2.contains("91")) ? "91" : null;
    }

    /** With anatomic modifiers on both lines and not the same ones: column 2's first one that column 1 lacks, else the reverse. */
    private static String differingAnatomic(List<String> column1, List<String> column2) {
        if (first(column1, ANATOMIC) == null || first(column2, ANATOMIC) == null) {
            return null;
        }
        String onlyOnTwo = firstMissing(column2, column1);
        return onlyOnTwo != null ? onlyOnTwo : firstMissing(column1, column2);
    }

    private static String firstMissing(List<String> from, List<String> other) {
        for (String m : from) {
            if (ANATOMIC.contains(m) && !other.contains(m)) {
                return m;
            }
        }
        return null;
    }

    private static String firstAssociated(List<String> modifiers) {
        for (String m : modifiers) {
            if (DISTINCT.contains(m) || ANATOMIC.contains(m) || OTHER_ASSOCIATED.contains(m)) {
                return m;
            }
        }
        return null;
    }

    private static String first(List<String> modifiers, Set<String> set) {
        for (String m : modifiers) {
            if (set.contains(m)) {
                return m;
            }
        }
        return null;
    }

    private static boolean inRange(String code, int low, int high) {
        if (code == null || code.length() != 5) {
            return false;
        }
        int n = 0;
        for (int i = 0; i < 5; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            n = n * 10 + (c - '0');
        }
        return n >= low && n <= high;
    }
}
