package org.claimscrubber.history;

import org.claimscrubber.claim.Claim;

/**
 * The key of a claim's history. A claim with a member id uses the member's history. A claim without one (it is
 * INVALID_CLAIM) never shares a key with another claim: its history is its own, under its claim id, so it only
 * remembers the event ids seen (a redelivery still emits nothing) and stays as small as one claim's.
 */
public final class HistoryKey {
    /** Starts the key of a claim without a member id; no member id holds this character. */
    static final String NO_MEMBER = "\u0000no-member|";

    /** Whether the key is a claim's own history (a claim without a member id): no other claim reads it. */
    public static boolean isClaimOwn(String key) {
        return key.startsWith(NO_MEMBER);
    }

    private HistoryKey() {
    }

    public static String of(Claim claim) {
        String member = claim.memberId();
        return member == null || blank(member) ? NO_MEMBER + claim.claimId() : member;
    }

    /** {@link String#isBlank}, answered at the first character for the usual id that starts with a letter or digit. */
    private static boolean blank(String s) {
        return s.isEmpty() || Character.isWhitespace(s.charAt(0)) && s.isBlank();
    }
}
