package org.claimscrubber.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.claimscrubber.claim.Normalize;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.policy.Policy;
import org.claimscrubber.policy.PolicyFile;
import org.claimscrubber.reference.DiagnosisCodes;

/**
 * NOT_COVERED, DIAGNOSIS_NOT_COVERED, SESSION_LIMIT and FREQUENCY_LIMIT from the coverage policies in force on the
 * date of service. A policy denial whose lines all carry a liability modifier (GA) takes that modifier's CARC group.
 */
final class PolicyEdits {
    private static final String RIGHT = "RT";
    private static final String LEFT = "LT";

    private PolicyEdits() {
    }

    static void coverage(Review review, LineFacts f, Policies policies) {
        for (Policy policy : policies.all()) {
            Policy.Region region = policy.region(f.code);
            if (region == null || !policy.inForceOn(f.date)) {
                continue;
            }
            PolicyFile.NotCovered never = policy.notCovered(f.code, f.line.modifiers());
            if (never != null) {
                String what = never.modifier() == null || never.modifier().isBlank() ? f.code : f.code + " with modifier " + never.modifier();
                review.add(liable(EditCode.NOT_COVERED.line(f.number(), what + " is not covered under " + policy.name() + " (line "
                        + f.number() + "): " + never.reason(), policy.reference() + " (" + policy.id() + ")"), policy, List.of(f)));
                continue;
            }
            if (!pointedDiagnosisCovered(review, f, policy, region)) {
                review.add(liable(EditCode.DIAGNOSIS_NOT_COVERED.line(f.number(), "none of the diagnoses pointed to by line " + f.number()
                        + " (" + String.join(", ", pointed(review, f).stream().map(Normalize::displayDiagnosis).toList()) + ") supports " + f.code + " under " + policy.name()
                        + " (" + region.name() + ")", policy.reference() + " (" + policy.id() + "), covered diagnoses for " + region.name()),
                        policy, List.of(f)));
            }
        }
    }

    /**
     * Whether a pointed diagnosis is on the region's covered list or the policy's exempt list. A family entry
     * ({@code B02.2*}) takes only a code that is billable on the date of service (contracts §4a rule 4); with no ICD-10-CM
     * release in force nothing tells, and a family takes every code under it.
     */
    private static boolean pointedDiagnosisCovered(Review review, LineFacts f, Policy policy, Policy.Region region) {
        DiagnosisCodes.Release release = review.reference.diagnoses().releaseOn(f.date);
        for (String dx : pointed(review, f)) {
            boolean billable = release == null || release.status(dx) == DiagnosisCodes.Status.BILLABLE;
            if (region.covers(dx, billable) || policy.exempts(dx, billable)) {
                return true;
            }
        }
        return false;
    }

    /** The finding with the CARC group that every one of its lines' liability modifiers selects (PR for GA), if any. */
    private static Finding liable(Finding finding, Policy policy, List<LineFacts> lines) {
        String group = null;
        for (LineFacts f : lines) {
            String g = policy.liabilityGroup(f.line.modifiers());
            if (g == null || (group != null && !group.equals(g))) {
                return finding;
            }
            group = g;
        }
        String carc = finding.carc();
        if (group == null || carc == null || carc.startsWith(group + "-")) {
            return finding;
        }
        return finding.withAdjustment(group + carc.substring(carc.indexOf('-')), finding.rarc());
    }

    private static List<String> pointed(Review review, LineFacts f) {
        List<String> dx = new ArrayList<>(f.line.diagnosisPointers().size());
        for (int p : f.line.diagnosisPointers()) {
            dx.add(review.claim.diagnoses().get(p - 1));
        }
        return dx;
    }

    static void sessions(Review review, Policies policies) {
        for (Policy policy : policies.all()) {
            if (!governsAnyLine(review, policy)) {
                continue;
            }
            Map<LocalDate, List<LineFacts>> byDate = linesByDate(review, policy, null);
            for (Map.Entry<LocalDate, List<LineFacts>> e : byDate.entrySet()) {
                sessionLimit(review, policy, e.getKey(), e.getValue());
            }
        }
    }

    private static void sessionLimit(Review review, Policy policy, LocalDate date, List<LineFacts> lines) {
        List<String> problems = new ArrayList<>(2);
        Set<String> claims = new LinkedHashSet<>();
        for (Policy.Level level : policy.levels()) {
            Sides sides = new Sides(level.bySide());
            for (LineFacts f : lines) {
                if (level.codes().contains(f.code)) {
                    sides.add(f.line.modifiers(), f.line.units());
                }
            }
            if (sides.levels() == 0) {
                continue;
            }
            Set<String> contributing = new LinkedHashSet<>();
            for (HistoryIndex.Entry e : review.history.on(date)) {
                if (level.codes().contains(e.line().code())) {
                    sides.add(e.line().modifiers(), e.line().units());
                    contributing.add(e.claimId());
                }
            }
            Policy.Region region = policy.region(level.codes().iterator().next());
            if (sides.levels() > level.max()) {
                problems.add(sides.levels() + " " + level.name() + " levels in " + region.name() + (sides.sided() ? " on its busier side" : "")
                        + " (at most " + level.max() + ")");
                claims.addAll(contributing);
            }
        }
        if (policy.oneRegionPerSession()) {
            Set<String> regions = new TreeSet<>();
            Set<String> contributing = new LinkedHashSet<>();
            for (LineFacts f : lines) {
                regions.add(policy.region(f.code).name());
            }
            for (HistoryIndex.Entry e : review.history.on(date)) {
                Policy.Region r = policy.region(e.line().code());
                if (r != null) {
                    regions.add(r.name());
                    contributing.add(e.claimId());
                }
            }
            if (regions.size() > 1) {
                problems.add("more than one spinal region (" + String.join(", ", regions) + ")");
                claims.addAll(contributing);
            }
        }
        if (!problems.isEmpty()) {
            review.add(liable(EditCode.SESSION_LIMIT.lines(numbers(lines), List.of(), new ArrayList<>(claims),
                    policy.name() + " session on " + date + " has " + String.join(" and ", problems),
                    policy.reference() + " (" + policy.id() + "), per-session limits"), policy, lines));
        }
    }

    /**
     * Units of a level on one date. Counted by side, a line with RT or LT adds to that side and any other line (50,
     * or no side) to both; the session's levels are those of the busier side.
     */
    private static final class Sides {
        private final boolean bySide;
        private int both;
        private int right;
        private int left;

        Sides(boolean bySide) {
            this.bySide = bySide;
        }

        void add(List<String> modifiers, int units) {
            boolean r = bySide && modifiers.contains(RIGHT);
            boolean l = bySide && modifiers.contains(LEFT);
            if (r && !l) {
                right += units;
            } else if (l && !r) {
                left += units;
            } else {
                both += units;
            }
        }

        int levels() {
            return both + Math.max(right, left);
        }

        boolean sided() {
            return right + left > 0;
        }
    }

    static void frequency(Review review, Policies policies) {
        for (Policy policy : policies.all()) {
            PolicyFile.Frequency limit = policy.frequency();
            if (limit == null || !governsAnyLine(review, policy)) {
                continue;
            }
            for (Policy.Region region : policy.regions()) {
                Map<LocalDate, List<LineFacts>> claimDates = linesByDate(review, policy, region);
                if (claimDates.isEmpty()) {
                    continue;
                }
                TreeMap<LocalDate, Set<String>> sessions = historySessions(review, policy, region);
                TreeSet<LocalDate> all = new TreeSet<>(sessions.keySet());
                all.addAll(claimDates.keySet());
                for (Map.Entry<LocalDate, List<LineFacts>> e : claimDates.entrySet()) {
                    LocalDate day = e.getKey();
                    if (sessions.containsKey(day)) {
                        continue;
                    }
                    LocalDate[] window = fullestWindow(all, day, limit);
                    int count = all.subSet(window[0], true, window[1], true).size();
                    if (count > limit.maxSessions()) {
                        Set<String> claims = new LinkedHashSet<>();
                        sessions.subMap(window[0], true, window[1], true).values().forEach(claims::addAll);
                        Finding finding = EditCode.FREQUENCY_LIMIT.lines(numbers(e.getValue()), List.of(), new ArrayList<>(claims),
                                region.name() + " " + policy.name().toLowerCase() + " on " + day + " would make " + count
                                        + " sessions between " + window[0] + " and " + window[1] + "; the policy allows "
                                        + limit.maxSessions() + " per member in any " + limit.describe() + " window",
                                policy.reference() + " (" + policy.id() + "), frequency limit");
                        review.add(liable(finding.withAdjustment(finding.carc(), policy.rarc()), policy, e.getValue()));
                    }
                }
            }
        }
    }

    /**
     * Of the policy's windows that contain {@code day} (a window is named by its last day E and starts on
     * {@code windowStart(E)}), the one holding the most session dates. {@code sessions} holds {@code day}; the
     * fullest window ends on a session date, and the windows ending on or after {@code day} contain it until
     * their start passes it.
     */
    static LocalDate[] fullestWindow(TreeSet<LocalDate> sessions, LocalDate day, PolicyFile.Frequency limit) {
        LocalDate[] best = {limit.windowStart(day), day};
        int most = -1;
        for (LocalDate end : sessions.tailSet(day, true)) {
            LocalDate start = limit.windowStart(end);
            if (start.isAfter(day)) {
                break;
            }
            int count = sessions.subSet(start, true, end, true).size();
            if (count > most) {
                most = count;
                best = new LocalDate[] {start, end};
            }
        }
        return best;
    }

    private static TreeMap<LocalDate, Set<String>> historySessions(Review review, Policy policy, Policy.Region region) {
        TreeMap<LocalDate, Set<String>> sessions = new TreeMap<>();
        for (HistoryClaim earlier : review.history.claims()) {
            for (HistoryLine line : earlier.lines()) {
                if (policy.region(line.code()) == region) {
                    sessions.computeIfAbsent(line.serviceDate(), d -> new LinkedHashSet<>()).add(earlier.claimId());
                }
            }
        }
        return sessions;
    }

    private static boolean governsAnyLine(Review review, Policy policy) {
        for (LineFacts f : review.lines) {
            if (policy.region(f.code) != null) {
                return true;
            }
        }
        return false;
    }

    /** This claim's lines governed by the policy on their date of service (within one region when given), by date. */
    private static Map<LocalDate, List<LineFacts>> linesByDate(Review review, Policy policy, Policy.Region region) {
        Map<LocalDate, List<LineFacts>> byDate = new LinkedHashMap<>();
        for (LineFacts f : review.lines) {
            Policy.Region r = policy.region(f.code);
            if (r != null && (region == null || r == region) && policy.inForceOn(f.date)) {
                byDate.computeIfAbsent(f.date, d -> new ArrayList<>(2)).add(f);
            }
        }
        return byDate;
    }

    private static List<Integer> numbers(List<LineFacts> lines) {
        List<Integer> n = new ArrayList<>(lines.size());
        for (LineFacts f : lines) {
            n.add(f.number());
        }
        return n;
    }
}
