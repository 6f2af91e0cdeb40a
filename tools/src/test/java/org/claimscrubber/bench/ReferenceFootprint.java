package org.claimscrubber.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import org.claimscrubber.reference.Codes;
import org.claimscrubber.reference.ReferenceData;

/**
 * Loads the synthetic full-size quarter and prints its load time and the heap it holds after a full GC.
 * Run with {@code bench/jmh --main org.claimscrubber.bench.ReferenceFootprint}.
 */
public final class ReferenceFootprint {
    private ReferenceFootprint() {
    }

    public static void main(String[] args) {
        long before = usedAfterGc();
        long start = System.nanoTime();
        ReferenceData data = FullReference.load();
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedAfterGc();
        System.out.printf("full reference: %d PTP rows, %d MUE rows, %d RVU codes%n", data.ptp().size(),
                data.mue().editions().firstEntry().getValue().size(),
                data.fees().releases().firstEntry().getValue().codes().size());
        System.out.printf("write + load time: %.1f s%n", seconds);
        System.out.printf("heap held by the reference: %.0f MB%n", (after - before) / 1048576.0);
        System.out.println(data.ptpEdit(Codes.encode("62323"), Codes.encode("77003"), LocalDate.of(2026, 3, 2)) != null);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
