package org.claimscrubber.stream;

import java.nio.charset.StandardCharsets;

/**
 * What a compacted reference topic holds, in two numbers: its live keys and an order-independent digest of its
 * records, so a loader and a processor can tell whether they see the same table (schemas/reference-load.avsc
 * defines the digest for any other reader).
 */
record TableTally(long rows, long digest) {
    static final TableTally EMPTY = new TableTally(0, 0);

    /** The table with one more record. */
    TableTally plus(String key, long valueFingerprint) {
        return new TableTally(rows + 1, digest + entry(key, valueFingerprint));
    }

    /** The contribution of one record: fmix64(FNV-1a(key) + golden-ratio constant x FNV-1a(value)). */
    static long entry(String key, long valueFingerprint) {
        return fmix64(fnv1a(key.getBytes(StandardCharsets.UTF_8)) + 0x9E3779B97F4A7C15L * valueFingerprint);
    }

    /** A 64-bit FNV-1a hash of a value's bytes, also used to tell an unchanged row from a changed one. */
    static long fnv1a(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long fmix64(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
