package org.claimscrubber.bench;

import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionJson;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.edits.InMemoryHistory;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** The JSON reader of {@code check} (claims in) and its writer (decisions out), per claim. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class JsonBenchmark {
    static final int BATCH = 10_000;

    private String[] lines;
    private List<Decision> decisions;

    @Setup
    public void setUp() {
        StringWriter out = new StringWriter();
        new ClaimGenerator(7, 0.15).write(BATCH, out);
        lines = out.toString().split("\n");
        EditEngine engine = new EditEngine(ReferenceLoader.loadSample(), Policies.loadDefault(), ProviderBasis.RENDERING,
                Clock.systemUTC());
        InMemoryHistory history = new InMemoryHistory();
        decisions = new ArrayList<>();
        for (String line : lines) {
            Decision d = history.apply(engine, ClaimJson.read(line)).decision();
            if (d != null) {
                decisions.add(d);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void readClaims(Blackhole sink) {
        for (String line : lines) {
            sink.consume(ClaimJson.read(line));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void writeDecisions(Blackhole sink) {
        StringWriter out = new StringWriter(1 << 20);
        try (DecisionJson.LineWriter writer = new DecisionJson.LineWriter(out)) {
            for (Decision d : decisions) {
                writer.write(d);
            }
        }
        sink.consume(out);
    }
}
