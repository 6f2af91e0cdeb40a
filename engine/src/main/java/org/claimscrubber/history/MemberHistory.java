package org.claimscrubber.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine remembers of one member: the accepted claims still in force (neither voided nor replaced)
 * and the event ids already seen. Immutable; the engine returns a new one.
 */
public record MemberHistory(List<HistoryClaim> claims, List<SeenEvent> events) {
    private static final MemberHistory EMPTY = new MemberHistory(List.of(), List.of());

    public static MemberHistory empty() {
        return EMPTY;
    }

    public boolean seen(String eventId) {
        int hash = eventId.hashCode();
        for (int i = 0, n = events.size(); i < n; i++) { // indexed loops here: no iterator, for the C1-only JVM of check
            SeenEvent e = events.get(i);
            if (e.eventId().hashCode() == hash && e.eventId().equals(eventId)) {
                return true;
            }
        }
        return false;
    }

    /** The accepted claim with that id, or null. */
    public HistoryClaim claim(String claimId) {
        for (int i = 0, n = claims.size(); i < n; i++) {
            HistoryClaim c = claims.get(i);
            if (c.claimId().equals(claimId)) {
                return c;
            }
        }
        return null;
    }

    /** This history without the claim of that id. */
    public MemberHistory without(String claimId) {
        if (claim(claimId) == null) {
            return this;
        }
        List<HistoryClaim> kept = new ArrayList<>(claims.size());
        for (HistoryClaim c : claims) {
            if (!c.claimId().equals(claimId)) {
                kept.add(c);
            }
        }
        return new MemberHistory(List.copyOf(kept), events);
    }

    /** This history with the claim added (replacing any claim of the same id). */
    public MemberHistory with(HistoryClaim claim) {
        List<HistoryClaim> next = new ArrayList<>(claims.size() + 1);
        for (HistoryClaim c : claims) {
            if (!c.claimId().equals(claim.claimId())) {
                next.add(c);
            }
        }
        next.add(claim);
        return new MemberHistory(List.copyOf(next), events);
    }

    /** This history with the event id recorded as seen. */
    public MemberHistory withEvent(String eventId, LocalDate keepBy) {
        List<SeenEvent> next = new ArrayList<>(events.size() + 1);
        next.addAll(events);
        next.add(new SeenEvent(eventId, (int) keepBy.toEpochDay()));
        return new MemberHistory(claims, List.copyOf(next));
    }

    /** The latest date of service in history, or null when there is none. */
    public LocalDate lastServiceDate() {
        LocalDate last = null;
        for (HistoryClaim c : claims) {
            LocalDate d = c.lastServiceDate();
            if (last == null || d.isAfter(last)) {
                last = d;
            }
        }
        return last;
    }

    /**
     * Drops the claims whose last date of service, and the event ids whose keep-by day, lie more than
     * {@code retentionDays} before {@code today} (the processing date): they can no longer fall inside any policy
     * window or duplicate check. Relative to the processing date, never to the newest date of service, so one
     * claim dated far in the future cannot wipe a member's history, and event ids age out whether or not the
     * member has accepted claims.
     */
    public MemberHistory prune(LocalDate today, int retentionDays) {
        LocalDate horizon = today.minusDays(retentionDays);
        int horizonDay = (int) horizon.toEpochDay();
        if (!stale(horizon, horizonDay)) {
            return this;
        }
        List<HistoryClaim> kept = new ArrayList<>(claims.size());
        for (HistoryClaim c : claims) {
            if (c.lastServiceDate().toEpochDay() >= horizonDay) {
                kept.add(c);
            }
        }
        List<SeenEvent> keptEvents = new ArrayList<>(events.size());
        for (SeenEvent e : events) {
            if (e.keepByDay() >= horizonDay) {
                keptEvents.add(e);
            }
        }
        return new MemberHistory(List.copyOf(kept), List.copyOf(keptEvents));
    }

    private boolean stale(LocalDate horizon, int horizonDay) {
        for (int i = 0, n = claims.size(); i < n; i++) {
            if (claims.get(i).lastServiceDate().isBefore(horizon)) {
                return true;
            }
        }
        for (int i = 0, n = events.size(); i < n; i++) {
            if (events.get(i).keepByDay() < horizonDay) {
                return true;
            }
        }
        return false;
    }

    /**
     * This history in at most {@code maxBytes} of its stored form ({@link HistoryCodec}): the oldest event ids go
     * first (a redelivery that old is unlikely), then the claims with the oldest dates of service. The store value
     * and its changelog record stay below the producer's request size whatever a member sends.
     */
    public MemberHistory bounded(int maxBytes) {
        if (HistoryCodec.sizeAtMost(this) <= maxBytes) {
            return this;
        }
        int size = HistoryCodec.size(this);
        if (size <= maxBytes) {
            return this;
        }
        List<SeenEvent> keptEvents = new ArrayList<>(events);
        keptEvents.sort(java.util.Comparator.comparingInt(SeenEvent::keepByDay));
        int drop = 0;
        while (size > maxBytes && drop < keptEvents.size()) {
            size -= HistoryCodec.size(keptEvents.get(drop++));
        }
        List<HistoryClaim> keptClaims = new ArrayList<>(claims);
        if (size > maxBytes) {
            keptClaims.sort(java.util.Comparator.comparing(HistoryClaim::lastServiceDate));
            int dropClaims = 0;
            while (size > maxBytes && dropClaims < keptClaims.size()) {
                size -= HistoryCodec.size(keptClaims.get(dropClaims++));
            }
            keptClaims = keptClaims.subList(dropClaims, keptClaims.size());
        }
        return new MemberHistory(List.copyOf(keptClaims), List.copyOf(keptEvents.subList(drop, keptEvents.size())));
    }
}
