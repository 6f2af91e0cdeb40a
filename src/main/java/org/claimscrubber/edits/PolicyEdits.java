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
import org.claimscrubber.history.HistoryClaim;
import org.claimscrubber.history.HistoryLine;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.policy.Policy;
import org.claimscrubber.policy.PolicyFile;

/** NOT_COVERED, DIAGNOSIS_NOT_COVERED, SESSION_LIMIT and FREQUENCY_LIMIT from the coverage policies. */
final class PolicyEdits {
    private PolicyEdits() {
    }

    static void coverage(Review review, LineFacts f, Policies policies) {
        for (Policy policy : policies.all()) {
            Policy.Region region = policy.region(f.code);
            if (region == null) {
                continue;
            }
            PolicyFile.NotCovered never = policy.notCovered(f.code, f.line.modifiers());
            if (never != null) {
                String what = never.modifier() == null || never.modifier().isBlank() ? f.code : f.code + " with modifier " + never.modifier();
                review.add(EditCode.NOT_COVERED.line(f.number(), what + " is not covered under " + policy.name() + " (line "
                        + f.number() + "): " + never.reason(), policy.reference() + " (" + policy.id() + ")"));
                continue;
            }
            if (!pointedDiagnosisCovered(review, f, region)) {
                review.add(EditCode.DIAGNOSIS_NOT_COVERED.line(f.number(), "none of the diagnoses pointed to by line " + f.number()
                        + " (" + String.join(", ", pointed(review, f).stream().map(Normalize::displayDiagnosis).toList()) + ") supports " + f.code + " under " + policy.name()
                        + " (" + region.name() + ")", policy.reference() + " (" + policy.id() + "), covered diagnoses for " + region.name()));
            }
        }
    }

    private static boolean pointedDiagnosisCovered(Review review, LineFacts f, Policy.Region region) {
        for (String dx : pointed(review, f)) {
            if (region.covers(dx)) {
                return true;
            }
        }
        return false;
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
        for (Policy.Level level : policy.regions().stream().flatMap(r -> r.levels().stream()).toList()) {
            int units = 0;
            for (LineFacts f : lines) {
                if (level.codes().contains(f.code)) {
                    units += f.line.units();
                }
            }
            if (units == 0) {
                continue;
            }
            Set<String> contributing = new LinkedHashSet<>();
            for (HistoryClaim earlier : review.history.claims()) {
                for (HistoryLine h : earlier.lines()) {
                    if (h.serviceDate().equals(date) && level.codes().contains(h.code())) {
                        units += h.units();
                        contributing.add(earlier.claimId());
                    }
                }
            }
            Policy.Region region = policy.region(level.codes().iterator().next());
            if (units > level.max()) {
                problems.add(units + " " + level.name() + " levels in " + region.name() + " (at most " + level.max() + ")");
                claims.addAll(contributing);
            }
        }
        if (policy.oneRegionPerSession()) {
            Set<String> regions = new TreeSet<>();
            Set<String> contributing = new LinkedHashSet<>();
            for (LineFacts f : lines) {
                regions.add(policy.region(f.code).name());
            }
            for (HistoryClaim earlier : review.history.claims()) {
                for (HistoryLine h : earlier.lines()) {
                    Policy.Region r = policy.region(h.code());
                    if (r != null && h.serviceDate().equals(date)) {
                        regions.add(r.name());
                        contributing.add(earlier.claimId());
                    }
                }
            }
            if (regions.size() > 1) {
                problems.add("more than one spinal region (" + String.join(", ", regions) + ")");
                claims.addAll(contributing);
            }
        }
        if (!problems.isEmpty()) {
            review.add(EditCode.SESSION_LIMIT.lines(numbers(lines), List.of(), new ArrayList<>(claims),
                    policy.name() + " session on " + date + " has " + String.join(" and ", problems),
                    policy.reference() + " (" + policy.id() + "), per-session limits"));
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
                    LocalDate[] window = fullestWindow(all, day, limit.windowDays());
                    int count = all.subSet(window[0], true, window[1], true).size();
                    if (count > limit.maxSessions()) {
                        Set<String> claims = new LinkedHashSet<>();
                        sessions.subMap(window[0], true, window[1], true).values().forEach(claims::addAll);
                        review.add(EditCode.FREQUENCY_LIMIT.lines(numbers(e.getValue()), List.of(), new ArrayList<>(claims),
                                region.name() + " " + policy.name().toLowerCase() + " on " + day + " would make " + count
                                        + " sessions between " + window[0] + " and " + window[1] + "; the policy allows "
                                        + limit.maxSessions() + " per member in any " + limit.windowDays() + "-day window",
                                policy.reference() + " (" + policy.id() + "), frequency limit"));
                    }
                }
            }
        }
    }

    /** Of the windows of {@code days} days that contain {@code day}, the one holding the most session dates. */
    static LocalDate[] fullestWindow(TreeSet<LocalDate> sessions, LocalDate day, int days) {
        LocalDate bestStart = day.minusDays(days - 1L);
        int best = -1;
        for (LocalDate start : sessions.subSet(day.minusDays(days - 1L), true, day, true)) {
            int count = sessions.subSet(start, true, start.plusDays(days - 1L), true).size();
            if (count > best) {
                best = count;
                bestStart = start;
            }
        }
        return new LocalDate[] {bestStart, bestStart.plusDays(days - 1L)};
    }

    private static TreeMap<LocalDate, Set<String>> historySessions(Review review, Policy policy, Policy.Region region) {
        TreeMap<LocalDate, Set<String>> sessions = new TreeMap<>();
        for (HistoryClaim earlier : review.history.claims()) {
            for (HistoryLine h : earlier.lines()) {
                if (policy.region(h.code()) == region) {
                    sessions.computeIfAbsent(h.serviceDate(), d -> new LinkedHashSet<>()).add(earlier.claimId());
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

    /** This claim's lines governed by the policy (within one region when given), by date. */
    private static Map<LocalDate, List<LineFacts>> linesByDate(Review review, Policy policy, Policy.Region region) {
        Map<LocalDate, List<LineFacts>> byDate = new LinkedHashMap<>();
        for (LineFacts f : review.lines) {
            Policy.Region r = policy.region(f.code);
            if (r != null && (region == null || r == region)) {
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
