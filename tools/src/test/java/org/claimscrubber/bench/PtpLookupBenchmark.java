package org.claimscrubber.bench;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.claimscrubber.reference.Codes;
import org.claimscrubber.reference.PtpTable;
import org.claimscrubber.reference.ReferenceData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One PTP pair lookup on the synthetic full quarter (2.5M rows), over random pairs that mostly miss and sometimes hit. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class PtpLookupBenchmark {
    private static final int PAIRS = 1 << 16;

    private PtpTable table;
    private final int[] column1 = new int[PAIRS];
    private final int[] column2 = new int[PAIRS];
    private int next;
    private final int day = (int) LocalDate.of(2026, 3, 2).toEpochDay();

    @Setup
    public void setUp() {
        ReferenceData data = FullReference.load();
        table = data.ptp();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < PAIRS; i++) {
            column1[i] = Codes.encode(String.format("%05d", 10000 + random.nextInt(19000) * 4));
            column2[i] = Codes.encode(String.format("%05d", 10000 + random.nextInt(19000) * 4));
        }
        column1[0] = Codes.encode("62323");
        column2[0] = Codes.encode("77003");
    }

    @Benchmark
    public PtpTable.Edit lookup() {
        int i = next++ & (PAIRS - 1);
        return table.inForce(column1[i], column2[i], day);
    }
}
