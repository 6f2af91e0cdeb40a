package org.claimscrubber.bench;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import org.claimscrubber.generate.ClaimGenerator;
import org.claimscrubber.stream.ClaimEvents;
import org.claimscrubber.x12.ClaimX12Writer;
import org.claimscrubber.x12.X12Reader;

/**
 * X12 parse throughput per CPU-second of the reading thread (immune to other processes on a shared machine, unlike
 * JMH's wall-clock score): StAEDI's event loop alone, as X12Reader sets it up and with each of StAEDI's settings
 * that could make it cheaper, then {@link X12Reader} (StAEDI plus the mapping onto ClaimSubmitted), over 10,000
 * generated claims; rounds interleave the variants so that load on the machine touches them alike. Run: {@code bench/jmh --main org.claimscrubber.bench.X12CpuThroughput}.
 */
public final class X12CpuThroughput {
    private X12CpuThroughput() {
    }

    /** One way of setting up StAEDI's reader: factory properties and input encoding (null: StAEDI's default, UTF-8). */
    private record Variant(String name, Map<String, Object> properties, String encoding) {
        EDIStreamReader reader(byte[] bytes) throws Exception {
            EDIInputFactory factory = EDIInputFactory.newFactory();
            properties.forEach(factory::setProperty);
            return encoding == null ? factory.createEDIStreamReader(new ByteArrayInputStream(bytes))
                    : factory.createEDIStreamReader(new ByteArrayInputStream(bytes), encoding);
        }
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
        List<Variant> variants = List.of(
                new Variant("StAEDI events alone (as X12Reader reads: UTF-8, control structure validated)", Map.of(), null),
                new Variant("  the same, control structure not validated (no envelope checks: not usable)",
                        Map.of(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, false), null),
                new Variant("  the same, control code values not validated", Map.of(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false), null),
                new Variant("  the same, read as US-ASCII (a UTF-8 id would be refused)", Map.of(), "US-ASCII"),
                new Variant("  the same, read as ISO-8859-1 (a UTF-8 id would be misread)", Map.of(), "ISO-8859-1"));
        double[] best = new double[variants.size()];
        double bestReader = 0;
        for (int round = 0; round < 20; round++) {
            for (int v = 0; v < variants.size(); v++) {
                EDIStreamReader r = variants.get(v).reader(bytes);
                long t0 = cpu.getCurrentThreadCpuTime();
                while (r.hasNext()) {
                    r.next();
                }
                best[v] = Math.max(best[v], claims / ((cpu.getCurrentThreadCpuTime() - t0) / 1e9));
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            X12Reader.read(bytes);
            bestReader = Math.max(bestReader, claims / ((cpu.getCurrentThreadCpuTime() - t1) / 1e9));
        }
        System.out.printf("%d claims, %d bytes; best of 20 rounds, claims per CPU-second:%n", claims, bytes.length);
        for (int v = 0; v < variants.size(); v++) {
            System.out.printf("%-90s %8.0f%n", variants.get(v).name(), best[v]);
        }
        System.out.printf("%-90s %8.0f%n", "X12Reader (StAEDI and the mapping onto ClaimSubmitted)", bestReader);
    }
}
