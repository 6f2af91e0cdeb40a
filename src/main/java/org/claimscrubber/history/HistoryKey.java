package org.claimscrubber.history;

import org.claimscrubber.claim.Claim;

/** The key of a claim's member history. A claim without a member id has none: it is judged alone and leaves nothing. */
public final class HistoryKey {
    private HistoryKey() {
    }

    /** The member id, or null when it is missing or blank. */
    public static String of(Claim claim) {
        String member = claim.memberId();
        return member == null || member.isBlank() ? null : member;
    }
}
