package org.claimscrubber.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.claimscrubber.generate.ClaimGenerator;

/**
 * The processing clock of {@code check}, {@code demo}, {@code bench} and {@code chaos}: the system clock, but never
 * earlier than the day after the last date {@code generate} writes ({@link ClaimGenerator#LAST_DATE}). The engine
 * refuses dates of service after the processing date, so a generated stream stays valid on a machine whose clock is
 * behind. {@code run} uses the system clock alone.
 */
final class ProcessingClock extends Clock {
    private final Clock system;
    private final Instant floor;

    private ProcessingClock(Clock system, Instant floor) {
        this.system = system;
        this.floor = floor;
    }

    static Clock system() {
        return new ProcessingClock(Clock.systemUTC(), ClaimGenerator.LAST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant now = system.instant();
        return now.isBefore(floor) ? floor : now;
    }
}
