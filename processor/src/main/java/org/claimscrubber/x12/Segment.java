package org.claimscrubber.x12;

import java.util.Arrays;

/**
 * The segment being read, reused from one segment to the next: its tag, its position and its element values by
 * element and component (1-based; component 0 is a simple element's value or a composite's first component). Only
 * the first repetition of a repeated element is kept.
 */
final class Segment {
    private static final int ELEMENTS = 32;
    private static final int COMPONENTS = 8;

    private final String[][] values = new String[ELEMENTS + 1][COMPONENTS + 1];
    private final int[] used = new int[ELEMENTS + 1];
    private String tag;
    private int position;
    private int highest;

    void start(String tag, int position) {
        for (int e = 1; e <= highest; e++) {
            if (used[e] > 0) {
                Arrays.fill(values[e], 0, used[e] + 1, null);
                used[e] = 0;
            }
        }
        this.tag = tag;
        this.position = position;
        this.highest = 0;
    }

    void set(int element, int component, String value) {
        if (element < 1 || element > ELEMENTS || component > COMPONENTS) {
            return;
        }
        int c = Math.max(component, 1);
        values[element][c] = value;
        used[element] = Math.max(used[element], c);
        highest = Math.max(highest, element);
    }

    String tag() {
        return tag;
    }

    /** Position counted from the interchange's ISA (= 1). */
    int position() {
        return position;
    }

    /** The element's value (a composite's first component), or null when absent or empty. */
    String get(int element) {
        return get(element, 1);
    }

    /** A component of a composite element, or null when absent or empty. */
    String get(int element, int component) {
        if (element < 1 || element > ELEMENTS || component < 1 || component > COMPONENTS) {
            return null;
        }
        String v = values[element][component];
        return v == null || v.isEmpty() ? null : v;
    }

    /** The number of components in the element (0 when absent). */
    int components(int element) {
        return element < 1 || element > ELEMENTS ? 0 : used[element];
    }

    boolean is(String tag, int element, String value) {
        return this.tag.equals(tag) && value.equals(get(element));
    }
}
