package org.claimscrubber.decision;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts decisions by disposition and findings by edit, and prints them as a small table. */
public final class DecisionSummary {
    private final Map<Disposition, Long> dispositions = new EnumMap<>(Disposition.class);
    private final Map<String, Long> findings = new TreeMap<>();
    private long redeliveries;
    private long unreadable;

    public void add(Decision d) {
        dispositions.merge(d.disposition(), 1L, Long::sum);
        for (Finding f : d.findings()) {
            findings.merge(f.edit() + " (" + f.severity() + ")", 1L, Long::sum);
        }
    }

    public void redelivered() {
        redeliveries++;
    }

    public void unreadable() {
        unreadable++;
    }

    public long unreadableCount() {
        return unreadable;
    }

    public long count(Disposition d) {
        return dispositions.getOrDefault(d, 0L);
    }

    public long decisions() {
        long n = 0;
        for (long v : dispositions.values()) {
            n += v;
        }
        return n;
    }

    public String render(String unreadableLabel) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-34s %10d%n", "decisions", decisions()));
        for (Disposition d : Disposition.values()) {
            b.append(String.format("  %-32s %10d%n", d, count(d)));
        }
        b.append(String.format("%-34s %10d%n", "redelivered (no decision)", redeliveries));
        b.append(String.format("%-34s %10d%n", unreadableLabel, unreadable));
        b.append(String.format("%-34s%n", "findings by edit"));
        findings.forEach((edit, n) -> b.append(String.format("  %-32s %10d%n", edit, n)));
        return b.toString();
    }
}
