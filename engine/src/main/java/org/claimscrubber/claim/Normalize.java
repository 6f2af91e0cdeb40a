package org.claimscrubber.claim;

import java.util.Locale;

/** How codes from billing platforms are normalised before any edit looks at them. */
public final class Normalize {
    private Normalize() {
    }

    /** Procedure codes and modifiers: trimmed and upper-cased ({@code " 62323 "} and {@code "rt"} are accepted). */
    public static String code(String raw) {
        return raw == null ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether a normalised modifier has a modifier's form (contracts §2: two characters): two ASCII letters or digits. */
    public static boolean isModifier(String normalised) {
        return normalised != null && normalised.length() == 2 && letterOrDigit(normalised.charAt(0)) && letterOrDigit(normalised.charAt(1));
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** ICD-10-CM: trimmed, upper-cased, dot removed, so {@code M54.16} equals {@code M5416}. */
    public static String diagnosis(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        return s.indexOf('.') < 0 ? s : s.replace(".", "");
    }

    /** A normalised ICD-10-CM code as billers write it: {@code M5416} becomes {@code M54.16}. */
    public static String displayDiagnosis(String normalised) {
        return normalised.length() > 3 ? normalised.substring(0, 3) + "." + normalised.substring(3) : normalised;
    }
}
