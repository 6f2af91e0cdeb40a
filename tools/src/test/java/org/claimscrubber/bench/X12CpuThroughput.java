package org.claimscrubber.bench;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.x12.ClaimX12Writer;
import org.claimscrubber.x12.X12Reader;

/**
 * X12 parse throughput per CPU-second of the reading thread (immune to other processes on a shared machine, unlike
 * JMH's wall-clock score): StAEDI's event loop alone, then {@link X12Reader} (StAEDI plus the mapping onto
 * ClaimSubmitted), over 10,000 generated claims. Run: {@code bench/jmh --main org.claimscrubber.bench.X12CpuThroughput}.
 */
public final class X12CpuThroughput {
    private X12CpuThroughput() {
    }

    public static void main(String[] args) throws Exception {
        StringWriter json = new StringWriter();
        new ClaimGenerator(7, 0.15).write(10_000, json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ClaimX12Writer writer = new ClaimX12Writer(out, 1000, "BENCH")) {
            for (String line : json.toString().split("\n")) {
                writer.write(ClaimEvents.fromJson(line));
            }
        }
        byte[] bytes = out.toByteArray();
        int claims = X12Reader.read(bytes).stream().mapToInt(i -> i.claims().size()).sum();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        double bestRaw = 0;
        double bestReader = 0;
        for (int round = 0; round < 20; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            EDIStreamReader r = factory.createEDIStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext()) {
                r.next();
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            X12Reader.read(bytes);
            long t2 = cpu.getCurrentThreadCpuTime();
            bestRaw = Math.max(bestRaw, claims / ((t1 - t0) / 1e9));
            bestReader = Math.max(bestReader, claims / ((t2 - t1) / 1e9));
        }
        System.out.printf("%d claims, %d bytes; best of 20 rounds, claims per CPU-second: StAEDI events alone %.0f, X12Reader %.0f%n",
                claims, bytes.length, bestRaw, bestReader);
    }
}
