package org.claimscrubber.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The YAML policy file as written by operators; see README "Policies" for the format. */
public record PolicyFile(@JsonProperty("policies") List<PolicySpec> policies,
                         @JsonProperty("timelyFilingMonths") Integer timelyFilingMonths,
                         @JsonProperty("payers") List<PayerSpec> payers) {

    /**
     * A payer's section: the default (Medicare) rules, with what it says overriding them. {@code policies} entries are
     * merged into the default policies of the same id (a new id adds a policy): maps key by key, regions and levels by
     * name, other lists replaced. {@code disabledEdits} names edits that do not run for the payer; {@code carcs} maps an
     * edit to the CARC the payer uses; {@code acceptsReplacementsAndVoids: false} refuses frequency 7 and 8 claims.
     */
    public record PayerSpec(String id, String name, Integer timelyFilingMonths, Boolean acceptsReplacementsAndVoids,
                            List<String> disabledEdits, Map<String, String> carcs, List<PolicySpec> policies) {
    }

    /**
     * One policy. {@code effectiveFrom}/{@code effectiveTo} are ISO dates (inclusive, either may be absent);
     * {@code exemptWhen} lists diagnoses that lift the diagnosis restriction; {@code liabilityModifiers} maps a
     * modifier (GA, GZ) to the CARC group of the policy's denials on its line; {@code rarc} is the remark code sent
     * with the policy's frequency findings.
     */
    public record PolicySpec(String id, String name, String reference, String effectiveFrom, String effectiveTo,
                             List<RegionSpec> regions, boolean oneRegionPerSession, Frequency frequency, List<NotCovered> notCovered,
                             List<String> exemptWhen, Map<String, String> liabilityModifiers, String rarc) {
        public PolicySpec {
            regions = regions == null ? List.of() : regions;
            notCovered = notCovered == null ? List.of() : notCovered;
            exemptWhen = exemptWhen == null ? List.of() : exemptWhen;
            liabilityModifiers = liabilityModifiers == null ? Map.of() : liabilityModifiers;
        }
    }

    /** A region: the codes it groups, the diagnoses that make them covered, and per-session level limits. */
    public record RegionSpec(String name, List<String> codes, List<String> coveredDiagnoses, List<LevelSpec> levels) {
        public RegionSpec {
            codes = codes == null ? List.of() : codes;
            coveredDiagnoses = coveredDiagnoses == null ? List.of() : coveredDiagnoses;
            levels = levels == null ? List.of() : levels;
        }
    }

    /**
     * At most {@code max} units of these codes in one session. With {@code bySide}, the levels of a session are those
     * of its busier side: a line with RT or LT counts on that side, any other line (50, or no side) on both.
     */
    public record LevelSpec(String name, List<String> codes, int max, boolean bySide) {
    }

    /**
     * At most {@code maxSessions} sessions per region per member in any window of {@code windowDays} days or of
     * {@code windowMonths} calendar months (exactly one of the two is set).
     */
    public record Frequency(int maxSessions, int windowDays, int windowMonths) {

        /** The first day of the window that ends on {@code end}: end - (days - 1), or end - months + 1 day. */
        public LocalDate windowStart(LocalDate end) {
            return windowMonths > 0 ? end.minusMonths(windowMonths).plusDays(1) : end.minusDays(windowDays - 1L);
        }

        /** The most days a window can span. */
        public int longestDays() {
            return windowMonths > 0 ? windowMonths * 31 : windowDays;
        }

        /** "365-day" or "12-month". */
        public String describe() {
            return windowMonths > 0 ? windowMonths + "-month" : windowDays + "-day";
        }
    }

    /** A code, or a code with a modifier, that the policy never covers. */
    public record NotCovered(String code, String modifier, String reason) {
    }
}
