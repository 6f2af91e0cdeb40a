package org.claimscrubber;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.edits.InMemoryHistory;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;

/** The engine with in-memory member history, as {@code check} runs it; for tests. */
public final class Scrubber {
    /** The processing clock of tests: later than every generated or fixture date of service (see README "Dates"). */
    public static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-03T10:00:00.125Z"), ZoneOffset.UTC);
    private static final ReferenceData SAMPLE = ReferenceLoader.loadSample();

    private final EditEngine engine;
    private final InMemoryHistory history = new InMemoryHistory();

    public Scrubber(ReferenceData reference) {
        this(reference, Policies.loadDefault(), FIXED);
    }

    /** The engine with these policies and this processing clock. */
    public Scrubber(ReferenceData reference, Policies policies, Clock clock) {
        this.engine = new EditEngine(reference, policies, ProviderBasis.RENDERING, clock);
    }

    public static Scrubber sample() {
        return new Scrubber(SAMPLE);
    }

    public static ReferenceData sampleReference() {
        return SAMPLE;
    }

    /** The decision on the claim (null for a redelivery), member history kept. */
    public Decision judge(Claim claim) {
        return history.apply(engine, claim).decision();
    }

    public Decision judge(ClaimFixture claim) {
        return judge(claim.build());
    }

    public static List<Finding> findings(Decision d, String edit) {
        return d.findings().stream().filter(f -> f.edit().equals(edit)).toList();
    }

    public static List<String> edits(Decision d) {
        return d.findings().stream().map(Finding::edit).toList();
    }
}
