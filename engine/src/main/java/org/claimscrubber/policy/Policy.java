package org.claimscrubber.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.claim.Normalize;

/**
 * One coverage policy, compiled for lookups: the dates it is in force, the regions (code groups) it governs, their
 * covered diagnoses, the diagnoses exempt from that restriction, per-session level limits, the frequency limit, the
 * never-covered codes, and the liability modifiers that move its denials to another CARC group.
 */
public final class Policy {
    /** CARC group codes a liability modifier may select. */
    private static final Set<String> GROUPS = Set.of("CO", "PR", "OA", "PI");
    /** A CPT or HCPCS Level II code: five letters or digits. */
    private static final java.util.regex.Pattern PROCEDURE = java.util.regex.Pattern.compile("[0-9A-Z]{5}");
    /** A remittance advice remark code: one or two letters and one to four digits (N386, MA130). */
    private static final java.util.regex.Pattern RARC = java.util.regex.Pattern.compile("[A-Z]{1,2}[0-9]{1,4}");

    private final PolicyFile.PolicySpec spec;
    private final LocalDate effectiveFrom;
    private final LocalDate effectiveTo;
    private final DiagnosisList exempt;
    private final Map<String, String> liability = new HashMap<>();
    private final Map<String, Region> regionByCode = new HashMap<>();
    private final Map<String, List<PolicyFile.NotCovered>> notCoveredWithModifier = new HashMap<>();
    private final Map<String, PolicyFile.NotCovered> notCoveredByCode = new HashMap<>();
    private final List<Region> regions = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();

    Policy(PolicyFile.PolicySpec spec) {
        this.spec = spec;
        this.effectiveFrom = date(spec, "effectiveFrom", spec.effectiveFrom());
        this.effectiveTo = date(spec, "effectiveTo", spec.effectiveTo());
        if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new Invalid("policy " + spec.id() + ": effectiveTo " + effectiveTo + " is before effectiveFrom " + effectiveFrom,
                    "effectiveTo", spec.effectiveTo(), false);
        }
        this.exempt = new DiagnosisList(spec.exemptWhen(), "policy " + spec.id() + ": exemptWhen", "exemptWhen");
        if (rarc() != null && !RARC.matcher(rarc()).matches()) {
            throw new Invalid("policy " + spec.id() + ": rarc '" + spec.rarc() + "' is not a remark code (N386, MA130)", "rarc", spec.rarc(), false);
        }
        for (Map.Entry<String, String> e : spec.liabilityModifiers().entrySet()) {
            String group = e.getValue() == null ? "" : e.getValue().strip().toUpperCase(Locale.ROOT);
            if (!GROUPS.contains(group)) {
                throw new Invalid("policy " + spec.id() + ": liability modifier " + e.getKey() + " names group '"
                        + e.getValue() + "' (CO, PR, OA or PI)", e.getKey(), e.getValue(), false);
            }
            if (liability.put(modifier(spec, "liabilityModifiers", e.getKey(), e.getKey()), group) != null) {
                throw new Invalid("policy " + spec.id() + ": liability modifier " + e.getKey() + " is given twice", e.getKey(), null, false);
            }
        }
        PolicyFile.Frequency f = spec.frequency();
        if (f != null && (f.maxSessions() < 1 || (f.windowDays() > 0) == (f.windowMonths() > 0) || f.windowDays() < 0 || f.windowMonths() < 0)) {
            throw new Invalid("policy " + spec.id() + ": frequency needs maxSessions of 1 or more and exactly one of "
                    + "windowDays or windowMonths of 1 or more", "maxSessions", null, false);
        }
        for (PolicyFile.RegionSpec r : spec.regions()) {
            Region region = new Region(spec, r);
            regions.add(region);
            levels.addAll(region.levels());
            for (String code : r.codes()) {
                Region previous = regionByCode.put(procedure(spec, "region " + r.name() + " codes", "codes", code), region);
                if (previous != null) {
                    throw new Invalid("policy " + spec.id() + ": code " + code + " is in two regions", "codes", code, true);
                }
            }
        }
        for (PolicyFile.NotCovered n : spec.notCovered()) {
            String code = procedure(spec, "notCovered", "code", n.code());
            if (n.modifier() == null || n.modifier().isBlank()) {
                notCoveredByCode.put(code, n);
            } else {
                modifier(spec, "notCovered " + code, "modifier", n.modifier());
                notCoveredWithModifier.computeIfAbsent(code, k -> new ArrayList<>()).add(n);
            }
        }
    }

    public String id() {
        return spec.id();
    }

    public String name() {
        return spec.name();
    }

    public String reference() {
        return spec.reference();
    }

    public PolicyFile.Frequency frequency() {
        return spec.frequency();
    }

    /** The remark code sent with this policy's frequency findings, or null. */
    public String rarc() {
        return spec.rarc() == null || spec.rarc().isBlank() ? null : spec.rarc().strip().toUpperCase(Locale.ROOT);
    }

    /** Whether the policy governs services on this date (effectiveFrom through effectiveTo, both inclusive). */
    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /**
     * Whether a normalised diagnosis lifts the policy's diagnosis restriction (exemptWhen); a family entry takes only a
     * {@code billable} code.
     */
    public boolean exempts(String diagnosis, boolean billable) {
        return exempt.contains(diagnosis, billable);
    }

    /**
     * The CARC group that this line's liability modifiers give the policy's denials (PR for GA in the shipped file),
     * or null when it carries none, or several that disagree.
     */
    public String liabilityGroup(List<String> modifiers) {
        String group = null;
        for (String m : modifiers) {
            String g = liability.get(m);
            if (g != null) {
                if (group != null && !group.equals(g)) {
                    return null;
                }
                group = g;
            }
        }
        return group;
    }

    public boolean oneRegionPerSession() {
        return spec.oneRegionPerSession();
    }

    public List<Region> regions() {
        return regions;
    }

    /** The levels of every region, in region order. */
    public List<Level> levels() {
        return levels;
    }

    /** The region that governs the code, or null when this policy does not govern it. */
    public Region region(String code) {
        return regionByCode.get(code);
    }

    /** Why the code (with these modifiers) is never covered, or null when it can be. */
    public PolicyFile.NotCovered notCovered(String code, List<String> modifiers) {
        PolicyFile.NotCovered plain = notCoveredByCode.get(code);
        if (plain != null) {
            return plain;
        }
        List<PolicyFile.NotCovered> withModifier = notCoveredWithModifier.get(code);
        if (withModifier != null) {
            for (PolicyFile.NotCovered n : withModifier) {
                if (modifiers.contains(Normalize.code(n.modifier()))) {
                    return n;
                }
            }
        }
        return null;
    }

    private static LocalDate date(PolicyFile.PolicySpec spec, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("policy " + spec.id() + ": " + field + " '" + text + "' is not an ISO date (yyyy-MM-dd)", field, text, false);
        }
    }

    /** The normalised procedure code, refused unless it reads like a CPT or HCPCS code (a typo would turn the policy off for it). */
    private static String procedure(PolicyFile.PolicySpec spec, String field, String key, String raw) {
        return normalised(spec, field + " names '" + raw + "', which is not a five-character CPT or HCPCS code", key, raw,
                code -> PROCEDURE.matcher(code).matches());
    }

    private static String modifier(PolicyFile.PolicySpec spec, String field, String key, String raw) {
        return normalised(spec, field + " names modifier '" + raw + "', which is not two letters or digits", key, raw, Normalize::isModifier);
    }

    private static String normalised(PolicyFile.PolicySpec spec, String problem, String key, String raw,
            java.util.function.Predicate<String> form) {
        String code = Normalize.code(raw);
        if (code == null || !form.test(code)) {
            throw new Invalid("policy " + spec.id() + ": " + problem, key, raw, false);
        }
        return code;
    }

    /**
     * A value of the policy file that cannot be used, with what finds its line: the key that holds it and its text
     * (either may be null), and whether the last such value is meant (the second of two).
     */
    static final class Invalid extends IllegalArgumentException {
        final String key;
        final String value;
        final boolean last;

        Invalid(String message, String key, String value, boolean last) {
            super(message);
            this.key = key;
            this.value = value;
            this.last = last;
        }
    }

    /** A group of codes (a spinal region) with its covered diagnoses and session level limits. */
    public static final class Region {
        private final PolicyFile.RegionSpec spec;
        private final DiagnosisList covered;
        private final List<Level> levels = new ArrayList<>();

        Region(PolicyFile.PolicySpec policy, PolicyFile.RegionSpec spec) {
            this.spec = spec;
            this.covered = new DiagnosisList(spec.coveredDiagnoses(), "policy " + policy.id() + ": region " + spec.name() + " coveredDiagnoses",
                    "coveredDiagnoses");
            for (PolicyFile.LevelSpec l : spec.levels()) {
                if (l.codes() == null || l.codes().isEmpty() || l.max() < 1) {
                    throw new Invalid("policy " + policy.id() + ": level " + l.name() + " needs codes and a max of 1 or more", "name",
                            l.name(), false);
                }
                Set<String> codes = new HashSet<>();
                for (String c : l.codes()) {
                    codes.add(procedure(policy, "level " + l.name() + " codes", "codes", c));
                }
                levels.add(new Level(l.name(), codes, l.max(), l.bySide()));
            }
        }

        public String name() {
            return spec.name();
        }

        public List<Level> levels() {
            return levels;
        }

        /**
         * Whether a normalised (dot-less, upper-case) diagnosis is covered in this region; a family entry takes only a
         * {@code billable} code.
         */
        public boolean covers(String diagnosis, boolean billable) {
            return covered.contains(diagnosis, billable);
        }
    }

    /** At most {@code max} units of these codes per session; with {@code bySide}, counted on the busier side. */
    public record Level(String name, Set<String> codes, int max, boolean bySide) {
    }
}
