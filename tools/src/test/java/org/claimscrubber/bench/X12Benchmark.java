package org.claimscrubber.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.x12.ClaimX12Writer;
import org.claimscrubber.x12.Interchange;
import org.claimscrubber.x12.MappedClaim;
import org.claimscrubber.x12.X12Reader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * X12 837P parse and mapping throughput on one thread, in claims per second (score x claims per file):
 * {@code generated} is 10,000 claims as {@code generate --format x12} writes them (one claim per transaction set,
 * 1,000 per interchange: the envelope and submitter/receiver loops are repeated for every claim, the costliest
 * layout); {@code batched} is imsweb/x12-parser's 820-claim sample (claims under one transaction set, as
 * clearinghouses send them). Every claim is mapped onto ClaimSubmitted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class X12Benchmark {
    @Param({"generated", "batched"})
    public String file;

    private byte[] bytes;
    /** Claims in {@link #bytes}: divide the files/s score by nothing, multiply by this for claims/s (printed at setup). */
    private int claims;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (file.equals("generated")) {
            StringWriter json = new StringWriter();
            new ClaimGenerator(7, 0.15).write(10_000, json);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ClaimX12Writer writer = new ClaimX12Writer(out, 1000, "BENCH")) {
                for (String line : json.toString().split("\n")) {
                    writer.write(ClaimEvents.fromJson(line));
                }
            }
            bytes = out.toByteArray();
        } else {
            bytes = Files.readAllBytes(Path.of("processor/src/test/resources/x12/public/imsweb-x12_many_claims.txt"));
        }
        claims = X12Reader.read(bytes).stream().mapToInt(i -> i.claims().size()).sum();
        System.out.println("\n" + file + ": " + claims + " claims, " + bytes.length + " bytes per operation");
    }

    @Benchmark
    public void parse(Blackhole bh) {
        for (Interchange i : X12Reader.read(bytes)) {
            for (MappedClaim c : i.claims()) {
                bh.consume(c.event());
            }
        }
    }
}
