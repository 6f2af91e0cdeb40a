package org.claimscrubber.edits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.Frequency;
import org.claimscrubber.claim.Line;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionLine;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.history.MemberHistory;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.FeeSchedule;
import org.claimscrubber.reference.ReferenceData;

/**
 * The edit engine: a pure function of (claim, member history, reference, policies) to (decision, new history).
 * The stream processor and the {@code check} command both call it, so they cannot disagree.
 */
public final class EditEngine {
    /**
     * Days of history kept beyond the longest policy or timely filing window, for claims that arrive out of date order:
     * a claim that may still be filed finds the accepted claims it duplicates, replaces or voids.
     */
    public static final int RETENTION_MARGIN_DAYS = 90;
    /** The most bytes one member's history may take in its stored form (half of Kafka's default request size). */
    public static final int HISTORY_LIMIT_BYTES = 512 * 1024;

    private final ReferenceData reference;
    private final Policies policies;
    private final ProviderBasis basis;
    private final Clock clock;
    private final int retentionDays;
    /** The referenceVersions of a decision, by its claim's last date of service and payer (both may be null). */
    private final Map<VersionsKey, Map<String, String>> versions = new ConcurrentHashMap<>();
    private final PricingLocality.Cache localities;

    public EditEngine(ReferenceData reference, Policies policies, ProviderBasis basis, Clock clock) {
        this.reference = reference;
        this.policies = policies;
        this.basis = basis;
        this.clock = clock;
        this.retentionDays = Math.max(Math.max(policies.longestWindowDays(), policies.longestFilingDays()), 1) + RETENTION_MARGIN_DAYS;
        this.localities = new PricingLocality.Cache(reference.localities());
    }

    /** The result of one event: its decision (null for a redelivered eventId) and the member's new history. */
    public record Outcome(Decision decision, MemberHistory history) {
    }

    public ReferenceData reference() {
        return reference;
    }

    public EditEngine withReference(ReferenceData newReference) {
        return new EditEngine(newReference, policies, basis, clock);
    }

    /** The same engine with other policies (a policy file reloaded from {@code reference.policies}). */
    public EditEngine withPolicies(Policies newPolicies) {
        return new EditEngine(reference, newPolicies, basis, clock);
    }

    public Policies policies() {
        return policies;
    }

    /**
     * The history as it stands today: what no later claim can still need (older than every policy window and the
     * redelivery horizon) dropped. An empty result means the member's stored history can go.
     */
    public MemberHistory aged(MemberHistory history) {
        return history.prune(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), retentionDays);
    }

    /**
     * Judges the claim against the member's history as it stands today ({@link #aged}: what has aged out plays no
     * part, so a stored history and one the stream's sweep has deleted judge alike), and returns the new history.
     */
    public Outcome evaluate(Claim claim, MemberHistory stored) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        MemberHistory history = stored.prune(today, retentionDays);
        if (history.seen(claim.eventId())) {
            return new Outcome(null, history);
        }
        MemberHistory seen = history.withEvent(claim.eventId(), today).bounded(HISTORY_LIMIT_BYTES);
        Policies rules = policies.forPayer(claim.payerId());
        List<String> problems = ClaimValidator.problems(claim, history, today);
        String refused = PayerRules.frequencyProblem(rules, claim);
        if (refused != null) {
            problems = new ArrayList<>(problems);
            problems.add(refused);
        }
        if (!problems.isEmpty()) {
            Finding invalid = EditCode.INVALID_CLAIM.claimLevel("the claim cannot be judged: " + String.join("; ", problems),
                    ClaimValidator.REFERENCE);
            return new Outcome(decision(claim, rules, Disposition.FLAGGED, PayerRules.apply(rules, List.of(invalid)), enrichment(claim, false)),
                    seen);
        }
        if (claim.frequency() == Frequency.VOID) {
            MemberHistory voided = seen.without(claim.originalClaimId());
            return new Outcome(decision(claim, rules, Disposition.VOIDED, List.of(), List.of()), voided);
        }
        Finding duplicate = rules.runs(EditCode.DUPLICATE_CLAIM.name()) ? DuplicateEdits.duplicateClaim(claim, history) : null;
        if (duplicate != null) {
            List<Finding> found = PayerRules.apply(rules, List.of(duplicate));
            return new Outcome(decision(claim, rules, Disposition.FLAGGED, found, enrichment(claim, true)), seen);
        }
        MemberHistory judgedAgainst = claim.frequency() == Frequency.REPLACEMENT ? history.without(claim.originalClaimId()) : history;
        Review review = new Review(claim, judgedAgainst, reference, basis);
        List<DecisionLine> lines = new ArrayList<>(review.lines.size());
        List<LineFacts> priced = new ArrayList<>(review.lines.size());
        LocalDate filed = TimelyFiling.filedOn(claim, today);
        PricingLocality.Memo localities = new PricingLocality.Memo(claim, this.localities);
        for (LineFacts f : review.lines) {
            TimelyFiling.check(review, f, filed, rules.timelyFilingMonths());
            CatalogEdits.unknownCode(review, f);
            CatalogEdits.modifiers(review, f);
            StatusEdits.check(review, f);
            PlaceOfService.inconsistent(review, f);
            PolicyEdits.coverage(review, f, rules);
            DuplicateEdits.duplicateLines(review, f);
            DiagnosisEdit.check(review, f);
            PaymentModifiers.check(review, f);
            DecisionLine enriched = CatalogEdits.enrich(f, localities);
            if (enriched != null) {
                lines.add(enriched);
                priced.add(f);
            }
        }
        PtpEdit.check(review);
        AddOnEdit.check(review);
        MueEdit.check(review);
        PolicyEdits.sessions(review, rules);
        PolicyEdits.frequency(review, rules);
        List<Finding> findings = PayerRules.apply(rules, review.findings);
        Disposition disposition = flags(findings) ? Disposition.FLAGGED : Disposition.ACCEPTED;
        MemberHistory next = seen;
        if (disposition == Disposition.ACCEPTED) {
            if (claim.frequency() == Frequency.REPLACEMENT) {
                next = next.without(claim.originalClaimId());
            }
            HistoryClaim accepted = historyClaim(claim);
            next = next.with(accepted);
            if (accepted.lastServiceDate().isBefore(today.minusDays(retentionDays))) {
                next = next.prune(today, retentionDays); // the rest was pruned on the way in: only this claim can be too old to keep
            }
            next = next.bounded(HISTORY_LIMIT_BYTES);
        }
        return new Outcome(decision(claim, rules, disposition, List.copyOf(findings), MultipleProcedures.apply(priced, lines)), next);
    }

    private static boolean flags(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.severity() == Severity.DENY || f.severity() == Severity.REVIEW) {
                return true;
            }
        }
        return false;
    }

    private HistoryClaim historyClaim(Claim claim) {
        List<HistoryLine> lines = new ArrayList<>(claim.lines().size());
        for (Line l : claim.lines()) {
            lines.add(new HistoryLine(l.lineNumber(), l.procedureCode().intern(), List.copyOf(l.modifiers()), l.units(),
                    l.serviceDate(), claim.provider(l, ProviderBasis.RENDERING).intern(),
                    claim.provider(l, ProviderBasis.BILLING).intern()));
        }
        return HistoryClaim.of(claim.claimId(), lines);
    }

    /** Enrichment for the lines that are readable enough to look up (every line, on a claim that can be judged). */
    private List<DecisionLine> enrichment(Claim claim, boolean judged) {
        List<DecisionLine> lines = new ArrayList<>(claim.lines().size());
        if (claim.lines().size() > ClaimValidator.MAX_LINES) {
            return lines;
        }
        PricingLocality.Memo localities = new PricingLocality.Memo(claim, this.localities);
        List<LineFacts> priced = new ArrayList<>(claim.lines().size());
        for (Line l : claim.lines()) {
            if (!judged && (l.procedureCode() == null || l.serviceDate() == null || l.lineNumber() == Line.MISSING)) {
                continue;
            }
            LineFacts f = new LineFacts(claim, l, reference, basis);
            DecisionLine d = CatalogEdits.enrich(f, localities);
            if (d != null) {
                lines.add(d);
                priced.add(f);
            }
        }
        return MultipleProcedures.apply(priced, lines);
    }

    private Decision decision(Claim claim, Policies rules, Disposition disposition, List<Finding> findings, List<DecisionLine> lines) {
        VersionsKey key = new VersionsKey(lastServiceDate(claim), rules.payerId());
        Map<String, String> inForce = versions.get(key);
        if (inForce == null) {
            inForce = versionsOn(key.lastServiceDate(), key.payerId());
            if (versions.size() < MOST_VERSIONS) { // dates of service are many but bounded; a flood of odd dates is not kept
                versions.putIfAbsent(key, inForce);
            }
        }
        return new Decision(claim.claimId(), claim.eventId(), claim.memberId() == null ? "" : claim.memberId(), disposition,
                findings, List.copyOf(lines), inForce, clock.instant());
    }

    private static final int MOST_VERSIONS = 100_000;

    /** Its equals and hashCode are written out: a record's generated ones go through method handles, slow in C1-only {@code check}. */
    private record VersionsKey(LocalDate lastServiceDate, String payerId) {
        @Override
        public boolean equals(Object o) {
            return o instanceof VersionsKey k && java.util.Objects.equals(lastServiceDate, k.lastServiceDate)
                    && java.util.Objects.equals(payerId, k.payerId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(lastServiceDate) * 31 + java.util.Objects.hashCode(payerId);
        }
    }

    private Map<String, String> versionsOn(LocalDate last, String payerId) {
        Map<String, String> v = new LinkedHashMap<>(versionsOn(last));
        if (payerId != null) {
            v.put("payer", payerId);
        }
        return Collections.unmodifiableMap(v);
    }

    private Map<String, String> versionsOn(LocalDate last) {
        Map<String, String> v = new LinkedHashMap<>(4);
        String ptp = reference.ptp().latestSource();
        if (ptp != null) {
            v.put("ptp", ptp);
        }
        if (last != null) {
            LocalDate mue = reference.mue().editionOn(last);
            if (mue != null) {
                v.put("mue", mue.toString());
            }
            FeeSchedule.Release rvu = reference.release(last);
            if (rvu != null) {
                v.put("rvu", rvu.effective().toString());
            }
        }
        return Collections.unmodifiableMap(v);
    }

    private static LocalDate lastServiceDate(Claim claim) {
        LocalDate last = null;
        for (Line l : claim.lines()) {
            if (l.serviceDate() != null && (last == null || l.serviceDate().isAfter(last))) {
                last = l.serviceDate();
            }
        }
        return last;
    }
}
