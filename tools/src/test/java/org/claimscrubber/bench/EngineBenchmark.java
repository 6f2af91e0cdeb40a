package org.claimscrubber.bench;

import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.edits.InMemoryHistory;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The edit engine alone ({@code judgeBatch}: one thread; {@code judgeBatchOnTwoThreads}: two), on pre-parsed claims from {@code generate --seed 7}: each invocation judges
 * the whole batch in order against fresh member history, so history, cross-claim edits and redeliveries behave
 * as in {@code check}. Run with {@code bench/jmh EngineBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class EngineBenchmark {
    static final int BATCH = 20_000;

    /** {@code sample}: the shipped reference; {@code full}: a synthetic full quarter (2.5M PTP rows) plus the sample. */
    @Param({"sample", "full"})
    public String reference;

    private EditEngine engine;
    private List<Claim> claims;
    private InMemoryHistory history;

    @Setup
    public void setUp() {
        ReferenceData data = reference.equals("full") ? FullReference.load() : ReferenceLoader.loadSample();
        engine = new EditEngine(data, Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
        claims = claims(BATCH, 7);
    }

    @Setup(Level.Invocation)
    public void freshHistory() {
        history = new InMemoryHistory();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void judgeBatch(Blackhole sink) {
        for (Claim claim : claims) {
            sink.consume(history.apply(engine, claim));
        }
    }

    /** One judge's own member histories, fresh for every invocation. */
    @State(Scope.Thread)
    public static class Judge {
        InMemoryHistory history;

        @Setup(Level.Invocation)
        public void freshHistory() {
            history = new InMemoryHistory();
        }
    }

    /**
     * Two judges at once on the one engine and reference, each judging the whole batch against its own histories, as
     * two stream threads of the processor or two of {@code check}'s judges do: the engine's throughput on two cores
     * (JMH adds the two threads' operations).
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void judgeBatchOnTwoThreads(Judge judge, Blackhole sink) {
        for (Claim claim : claims) {
            sink.consume(judge.history.apply(engine, claim));
        }
    }

    static List<Claim> claims(int count, long seed) {
        StringWriter out = new StringWriter();
        new ClaimGenerator(seed, 0.15).write(count, out);
        List<Claim> parsed = new ArrayList<>(count);
        for (String line : out.toString().split("\n")) {
            try {
                parsed.add(ClaimJson.read(line));
            } catch (RuntimeException e) {
                // the generator writes only readable events
                throw new IllegalStateException(e);
            }
        }
        return parsed;
    }
}
