package org.claimscrubber.bench;

import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.claimscrubber.avro.ClaimDecision;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.claim.ClaimJson;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.edits.InMemoryHistory;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.serde.AvroSerde;
import org.claimscrubber.serde.SerdeConfig;
import org.claimscrubber.stream.AvroMapping;
import org.claimscrubber.stream.ClaimEvents;
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

/**
 * The Confluent-wire Avro serde per record: encode and decode of claims ({@code claims.submitted}) and decisions
 * ({@code claims.accepted}), with the schema ids cached after the first record (an in-memory registry).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SerdeBenchmark {
    static final int BATCH = 10_000;

    private List<ClaimSubmitted> claims;
    private List<ClaimDecision> decisions;
    private byte[][] claimBytes;
    private byte[][] decisionBytes;
    private AvroSerde<ClaimSubmitted> claimSerde;
    private AvroSerde<ClaimDecision> decisionSerde;

    @Setup
    public void setUp() {
        StringWriter out = new StringWriter();
        new ClaimGenerator(7, 0.15).write(BATCH, out);
        Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://serde-bench");
        claimSerde = AvroSerde.of(ClaimSubmitted.class, config, false);
        decisionSerde = AvroSerde.of(ClaimDecision.class, config, false);
        EditEngine engine = new EditEngine(ReferenceLoader.loadSample(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
        InMemoryHistory history = new InMemoryHistory();
        claims = new ArrayList<>();
        decisions = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            claims.add(ClaimEvents.fromJson(line));
            Decision d = history.apply(engine, ClaimJson.read(line)).decision();
            if (d != null && decisions.size() < BATCH) {
                decisions.add(AvroMapping.toAvro(d));
            }
        }
        while (decisions.size() < BATCH) {
            decisions.add(decisions.get(decisions.size() % 100));
        }
        claimBytes = claims.stream().map(c -> claimSerde.serializer().serialize("claims.submitted", c)).toArray(byte[][]::new);
        decisionBytes = decisions.stream().map(d -> decisionSerde.serializer().serialize("claims.accepted", d)).toArray(byte[][]::new);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void encodeClaim(Blackhole bh) {
        for (ClaimSubmitted c : claims) {
            bh.consume(claimSerde.serializer().serialize("claims.submitted", c));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decodeClaim(Blackhole bh) {
        for (byte[] b : claimBytes) {
            bh.consume(claimSerde.deserializer().deserialize("claims.submitted", b));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void encodeDecision(Blackhole bh) {
        for (ClaimDecision d : decisions) {
            bh.consume(decisionSerde.serializer().serialize("claims.accepted", d));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decodeDecision(Blackhole bh) {
        for (byte[] b : decisionBytes) {
            bh.consume(decisionSerde.deserializer().deserialize("claims.accepted", b));
        }
    }
}
