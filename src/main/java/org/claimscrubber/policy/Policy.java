package org.claimscrubber.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.claim.Normalize;

/**
 * One coverage policy, compiled for lookups: the regions (code groups) it governs, their covered diagnoses,
 * per-session level limits, the frequency limit and the never-covered codes.
 */
public final class Policy {
    private final PolicyFile.PolicySpec spec;
    private final Map<String, Region> regionByCode = new HashMap<>();
    private final Set<String> notCoveredCodes = new HashSet<>();
    private final Map<String, List<PolicyFile.NotCovered>> notCoveredWithModifier = new HashMap<>();
    private final Map<String, PolicyFile.NotCovered> notCoveredByCode = new HashMap<>();
    private final List<Region> regions = new ArrayList<>();

    Policy(PolicyFile.PolicySpec spec) {
        this.spec = spec;
        for (PolicyFile.RegionSpec r : spec.regions()) {
            Region region = new Region(r);
            regions.add(region);
            for (String code : r.codes()) {
                Region previous = regionByCode.put(Normalize.code(code), region);
                if (previous != null) {
                    throw new IllegalArgumentException("policy " + spec.id() + ": code " + code + " is in two regions");
                }
            }
        }
        for (PolicyFile.NotCovered n : spec.notCovered()) {
            String code = Normalize.code(n.code());
            if (n.modifier() == null || n.modifier().isBlank()) {
                notCoveredCodes.add(code);
                notCoveredByCode.put(code, n);
            } else {
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

    public boolean oneRegionPerSession() {
        return spec.oneRegionPerSession();
    }

    public List<Region> regions() {
        return regions;
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

    /** A group of codes (a spinal region) with its covered diagnoses and session level limits. */
    public static final class Region {
        private final PolicyFile.RegionSpec spec;
        private final Set<String> exact = new HashSet<>();
        private final List<String> families = new ArrayList<>();
        private final List<Level> levels = new ArrayList<>();

        Region(PolicyFile.RegionSpec spec) {
            this.spec = spec;
            for (String dx : spec.coveredDiagnoses()) {
                String n = Normalize.diagnosis(dx);
                if (n.endsWith("*")) {
                    families.add(n.substring(0, n.length() - 1));
                } else {
                    exact.add(n);
                }
            }
            for (PolicyFile.LevelSpec l : spec.levels()) {
                Set<String> codes = new HashSet<>();
                for (String c : l.codes()) {
                    codes.add(Normalize.code(c));
                }
                levels.add(new Level(l.name(), codes, l.max()));
            }
        }

        public String name() {
            return spec.name();
        }

        public List<Level> levels() {
            return levels;
        }

        /** Whether a normalised (dot-less, upper-case) diagnosis is covered in this region. */
        public boolean covers(String diagnosis) {
            if (exact.contains(diagnosis)) {
                return true;
            }
            for (String family : families) {
                if (diagnosis.startsWith(family)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** At most {@code max} units of these codes per session. */
    public record Level(String name, Set<String> codes, int max) {
    }
}
