package org.claimscrubber.reference;

import java.util.Arrays;

/**
 * Contracts §4a rule 1 while PTP files are read newest release first: a pair's rows pass only from the first
 * (newest) release that holds the pair. What the loader hands on, to the table or to the reference topics, then
 * holds each pair's rows from one release, so a reload of the same folder publishes the same rows.
 * {@link PtpTable.Builder} decides the same way whatever order the rows arrive in.
 */
final class NewestPtpRelease {
    private long[] pairs = filled(1 << 16);
    private short[] ranks = new short[1 << 16];
    private int used;

    /**
     * True when the row of the pair, read from the release of the given rank (0 = newest, and ranks never go down
     * as the files are read), belongs to the newest release that holds the pair.
     */
    boolean admit(long pair, int rank) {
        int slot = slotOf(pairs, pair);
        if (pairs[slot] == pair) {
            return ranks[slot] == rank;
        }
        pairs[slot] = pair;
        ranks[slot] = (short) rank;
        if (++used * 10L > pairs.length * 6L) {
            grow();
        }
        return true;
    }

    private void grow() {
        long[] oldPairs = pairs;
        short[] oldRanks = ranks;
        pairs = filled(oldPairs.length * 2);
        ranks = new short[oldPairs.length * 2];
        for (int i = 0; i < oldPairs.length; i++) {
            if (oldPairs[i] != -1) {
                int s = slotOf(pairs, oldPairs[i]);
                pairs[s] = oldPairs[i];
                ranks[s] = oldRanks[i];
            }
        }
    }

    private static int slotOf(long[] pairs, long pair) {
        int m = pairs.length - 1;
        long h = pair * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 29)) & m;
        while (pairs[i] != pair && pairs[i] != -1) {
            i = (i + 1) & m;
        }
        return i;
    }

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, -1L);
        return a;
    }
}
