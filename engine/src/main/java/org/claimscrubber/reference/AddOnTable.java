package org.claimscrubber.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The add-on code edits of one CMS release (each release is the complete table): the rule of an add-on code on a date. */
public final class AddOnTable {
    private static final AddOnTable EMPTY = new AddOnTable(null, Map.of());

    private final String release;
    private final Map<String, List<AddOnRow>> byAddOn;

    private AddOnTable(String release, Map<String, List<AddOnRow>> byAddOn) {
        this.release = release;
        this.byAddOn = byAddOn;
    }

    public static AddOnTable empty() {
        return EMPTY;
    }

    public static AddOnTable of(String release, List<AddOnRow> rows) {
        Map<String, List<AddOnRow>> byAddOn = new HashMap<>();
        for (AddOnRow r : rows) {
            byAddOn.computeIfAbsent(r.addOn(), k -> new ArrayList<>(2)).add(r);
        }
        return new AddOnTable(release, Map.copyOf(byAddOn));
    }

    /** The release the table comes from (such as {@code AOC_V2026Q2}), or null when none is loaded. */
    public String release() {
        return release;
    }

    public int size() {
        return byAddOn.values().stream().mapToInt(List::size).sum();
    }

    /**
     * What an add-on code needs on a date.
     *
     * @param type the edit type: 1 (primaries listed), 2 (primaries defined by the contractor), 3 (some listed, more
     *     by the contractor)
     * @param primaries the listed primary codes in force, without {@link AddOnRow#CONTRACTOR_DEFINED}
     */
    public record Rule(String addOn, int type, Set<String> primaries, String release) {
    }

    /** The rule for the code on the date, or null when it is no add-on code in force then. */
    public Rule rule(String code, LocalDate date) {
        List<AddOnRow> rows = byAddOn.get(code);
        if (rows == null) {
            return null;
        }
        int type = 0;
        Set<String> primaries = new LinkedHashSet<>();
        for (AddOnRow r : rows) {
            if (r.inForce(date)) {
                type = Math.max(type, r.type());
                if (!AddOnRow.CONTRACTOR_DEFINED.equals(r.primary())) {
                    primaries.add(r.primary());
                }
            }
        }
        return type == 0 ? null : new Rule(code, type, Set.copyOf(primaries), release);
    }
}
