package org.claimscrubber.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loaded NCCI PTP rows indexed by (column 1, column 2). Each pair keeps only the rows of the newest loaded
 * release that holds it (contracts §4a rule 1), decided here by the builder whatever order the rows come in, so
 * the CMS files and the reference topics give the same table. Rows live in primitive arrays chained per pair
 * behind an open-addressing hash index, so a full quarter (2-3 million rows) takes tens of megabytes and a
 * lookup touches a few cache lines.
 */
public final class PtpTable {
    private static final int OPEN = Integer.MAX_VALUE;

    private final long[] slots;
    private final int[] heads;
    private final int mask;
    private final int size;
    private final int[] effective;
    private final int[] deletion;
    private final byte[] indicator;
    private final int[] next;
    private final short[] source;
    private final short[] rationale;
    private final String[] sources;
    private final String[] rationales;

    private PtpTable(Builder b) {
        this.slots = b.slots;
        this.heads = b.heads;
        this.mask = b.slots.length - 1;
        this.size = b.size;
        this.effective = Arrays.copyOf(b.effective, b.size);
        this.deletion = Arrays.copyOf(b.deletion, b.size);
        this.indicator = Arrays.copyOf(b.indicator, b.size);
        this.next = Arrays.copyOf(b.next, b.size);
        this.source = Arrays.copyOf(b.source, b.size);
        this.rationale = Arrays.copyOf(b.rationale, b.size);
        this.sources = b.sources.toArray(String[]::new);
        this.rationales = b.rationales.toArray(String[]::new);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return size;
    }

    /** The newest PTP release among the loaded files (by version, then revision), or null when none is loaded. */
    public String latestSource() {
        String latest = null;
        for (String s : sources) {
            if (latest == null || PtpRelease.of(s).compareTo(PtpRelease.of(latest)) > 0) {
                latest = s;
            }
        }
        return latest;
    }

    /**
     * The edit in force for the ordered pair on the given day: the row with indicator 0 if any row in force
     * has it, else the in-force row with the latest effective date; null when no row is in force.
     */
    public Edit inForce(int column1, int column2, int epochDay) {
        if (column1 < 0 || column2 < 0) {
            return null;
        }
        int row = headOf(Codes.pair(column1, column2));
        int best = -1;
        for (; row >= 0; row = next[row]) {
            if (indicator[row] == 9 || effective[row] > epochDay || deletion[row] < epochDay) {
                continue;
            }
            if (best < 0 || better(row, best)) {
                best = row;
            }
        }
        return best < 0 ? null : edit(column1, column2, best);
    }

    private boolean better(int row, int best) {
        if (indicator[row] != indicator[best]) {
            return indicator[row] == 0;
        }
        return effective[row] > effective[best];
    }

    private Edit edit(int column1, int column2, int row) {
        return new Edit(Codes.decode(column1), Codes.decode(column2), LocalDate.ofEpochDay(effective[row]),
                deletion[row] == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(deletion[row]),
                indicator[row], rationales[rationale[row]], sources[source[row]]);
    }

    private int headOf(long key) {
        int i = hash(key) & mask;
        while (true) {
            long k = slots[i];
            if (k == key) {
                return heads[i];
            }
            if (k == -1) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** A PTP row in force, as a finding cites it. */
    public record Edit(String column1, String column2, LocalDate effective, LocalDate deletion, int modifierIndicator,
                       String rationale, String source) {
        /** Cites the row: {@code NCCI PTP 62323/77003, effective 2017-01-01, modifier indicator 0, ccipra-v320r0}. */
        public String citation() {
            return "NCCI PTP " + column1 + "/" + column2 + ", effective " + effective
                    + (deletion == null ? "" : ", deleted " + deletion)
                    + ", modifier indicator " + modifierIndicator + ", " + source;
        }
    }

    /**
     * Collects rows. A row of a newer release than the pair's rows so far replaces them; a row of an older release
     * is ignored; identical rows (same pair, dates and indicator) of one release count once.
     */
    public static final class Builder {
        private long[] slots = filled(1 << 12);
        private int[] heads = new int[1 << 12];
        private short[] pairSource = new short[1 << 12];
        private int used;
        private int size;
        private int dropped;
        private int[] effective = new int[1024];
        private int[] deletion = new int[1024];
        private byte[] indicator = new byte[1024];
        private int[] next = new int[1024];
        private short[] source = new short[1024];
        private short[] rationale = new short[1024];
        private final List<String> sources = new ArrayList<>();
        private final List<String> rationales = new ArrayList<>();
        private final Map<String, Short> sourceIds = new HashMap<>();
        private final Map<String, Short> rationaleIds = new HashMap<>();
        private long[] releaseOrder = new long[16];
        private boolean built;

        public Builder add(PtpRow row) {
            int eff = (int) row.effective().toEpochDay();
            int del = row.deletion() == null ? Integer.MAX_VALUE : (int) row.deletion().toEpochDay();
            add(Codes.pair(row.column1(), row.column2()), eff, del, row.modifierIndicator(), row.source(), row.rationale());
            return this;
        }

        /** Adds a row by its pair key; used by the loader and by benchmarks that generate tables. */
        public void add(long pair, int eff, int del, int ind, String sourceName, String rationaleText) {
            if (built) {
                throw new IllegalStateException("already built");
            }
            if (pair < 0) {
                throw new IllegalArgumentException("not a code pair");
            }
            short src = source(sourceName);
            int slot = slotOf(pair);
            if (slots[slot] == pair) {
                int newer = Long.compare(releaseOrder[src], releaseOrder[pairSource[slot]]);
                if (newer < 0) {
                    return;
                }
                if (newer > 0) {
                    for (int r = heads[slot]; r >= 0; r = next[r]) {
                        dropped++;
                    }
                    heads[slot] = -1;
                    pairSource[slot] = src;
                }
                for (int r = heads[slot]; r >= 0; r = next[r]) {
                    if (effective[r] == eff && deletion[r] == del && indicator[r] == ind) {
                        return;
                    }
                }
            } else {
                slots[slot] = pair;
                heads[slot] = -1;
                pairSource[slot] = src;
                used++;
            }
            ensureRowCapacity();
            effective[size] = eff;
            deletion[size] = del;
            indicator[size] = (byte) ind;
            source[size] = src;
            rationale[size] = intern(rationaleText, rationales, rationaleIds);
            next[size] = heads[slot];
            heads[slot] = size;
            size++;
            if (used * 10L > slots.length * 6L) {
                rehash();
            }
        }

        public PtpTable build() {
            built = true;
            if (dropped > 0) {
                compact();
            }
            return new PtpTable(this);
        }

        private short source(String name) {
            int before = sources.size();
            short id = intern(name, sources, sourceIds);
            if (sources.size() > before) {
                if (id >= releaseOrder.length) {
                    releaseOrder = Arrays.copyOf(releaseOrder, releaseOrder.length * 2);
                }
                releaseOrder[id] = PtpRelease.of(name).order();
            }
            return id;
        }

        /** Drops the rows that a newer release replaced, keeping each pair's chain in its order. */
        private void compact() {
            int n = size - dropped;
            int[] eff = new int[n];
            int[] del = new int[n];
            byte[] ind = new byte[n];
            int[] nxt = new int[n];
            short[] src = new short[n];
            short[] rat = new short[n];
            int k = 0;
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == -1) {
                    continue;
                }
                int first = -1;
                for (int r = heads[i]; r >= 0; r = next[r]) {
                    eff[k] = effective[r];
                    del[k] = deletion[r];
                    ind[k] = indicator[r];
                    src[k] = source[r];
                    rat[k] = rationale[r];
                    nxt[k] = -1;
                    if (first < 0) {
                        first = k;
                    } else {
                        nxt[k - 1] = k;
                    }
                    k++;
                }
                heads[i] = first;
            }
            effective = eff;
            deletion = del;
            indicator = ind;
            next = nxt;
            source = src;
            rationale = rat;
            size = n;
            dropped = 0;
        }

        private int slotOf(long pair) {
            int m = slots.length - 1;
            int i = hash(pair) & m;
            while (slots[i] != pair && slots[i] != -1) {
                i = (i + 1) & m;
            }
            return i;
        }

        private void rehash() {
            long[] oldSlots = slots;
            int[] oldHeads = heads;
            short[] oldSources = pairSource;
            slots = filled(oldSlots.length * 2);
            heads = new int[oldSlots.length * 2];
            pairSource = new short[oldSlots.length * 2];
            for (int i = 0; i < oldSlots.length; i++) {
                if (oldSlots[i] != -1) {
                    int s = slotOf(oldSlots[i]);
                    slots[s] = oldSlots[i];
                    heads[s] = oldHeads[i];
                    pairSource[s] = oldSources[i];
                }
            }
        }

        private void ensureRowCapacity() {
            if (size < effective.length) {
                return;
            }
            int n = effective.length * 2;
            effective = Arrays.copyOf(effective, n);
            deletion = Arrays.copyOf(deletion, n);
            indicator = Arrays.copyOf(indicator, n);
            next = Arrays.copyOf(next, n);
            source = Arrays.copyOf(source, n);
            rationale = Arrays.copyOf(rationale, n);
        }

        private static long[] filled(int n) {
            long[] a = new long[n];
            Arrays.fill(a, -1L);
            return a;
        }

        private static short intern(String value, List<String> values, Map<String, Short> ids) {
            Short id = ids.get(value);
            if (id == null) {
                if (values.size() >= Short.MAX_VALUE) {
                    throw new IllegalStateException("too many distinct values: " + values.size());
                }
                id = (short) values.size();
                values.add(value);
                ids.put(value, id);
            }
            return id;
        }
    }
}
