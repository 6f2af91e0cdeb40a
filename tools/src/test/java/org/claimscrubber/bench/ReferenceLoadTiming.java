package org.claimscrubber.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.edits.EditEngine;
import org.claimscrubber.embedded.EmbeddedConfig;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.stream.ProcessorApp;
import org.claimscrubber.stream.ProcessorEvents;
import org.claimscrubber.stream.ReferencePublisher;
import org.claimscrubber.stream.Topics;

/**
 * The reference path with a synthetic full quarter: load-reference's first load, a processor's first start until the
 * load is in force, a reload of the same files (marker only), and a regenerated next quarter, until in force.
 * {@code bench/jmh --main org.claimscrubber.bench.ReferenceLoadTiming [PTP_ROWS [first]]}; {@code first} stops after the
 * first start.
 */
public final class ReferenceLoadTiming {
    private ReferenceLoadTiming() {
    }

    public static void main(String[] args) throws Exception {
        int ptpRows = args.length > 0 ? Integer.parseInt(args[0]) : SyntheticReference.FULL_PTP_ROWS;
        int gone = ptpRows / 25;
        Path quarter = SyntheticReference.write(Files.createTempDirectory("timing-q1"), ptpRows, SyntheticReference.FULL_MUE_ROWS,
                SyntheticReference.FULL_RVU_ROWS, 1);
        Path next = SyntheticReference.write(Files.createTempDirectory("timing-q2"), ptpRows - gone, SyntheticReference.FULL_MUE_ROWS,
                SyntheticReference.FULL_RVU_ROWS, 1);
        AtomicLong inForce = new AtomicLong();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(0)) {
            Map<String, Object> c = EmbeddedConfig.withOwnTopics(kafka, registry, "timing", Files.createTempDirectory("timing-state"));
            c.put(ProcessorEvents.CONFIG, new ProcessorEvents() {
                @Override
                public void referenceInForce(ReferenceData reference) {
                    inForce.set(System.nanoTime());
                }
            });
            ProcessorApp.ensureTopics(c, Topics.from(c), 1);
            ReferencePublisher publisher = new ReferencePublisher(c, new PrintStream(PrintStream.nullOutputStream()));
            long t = System.nanoTime();
            publisher.publish(ReferenceLoader.sources(quarter), quarter.toString());
            print(String.format(Locale.ROOT, "first load of %,d PTP rows into the topics", ptpRows), t);

            EditEngine engine = new EditEngine(ReferenceData.empty(), Policies.loadDefault(), ProviderBasis.RENDERING, Clock.systemUTC());
            t = System.nanoTime();
            try (ProcessorApp app = new ProcessorApp(c, engine, true).start(Duration.ofMinutes(10))) {
                while (!app.ready()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
                }
                print(String.format(Locale.ROOT, "processor first start to ready (%,d PTP rows)", ptpRows), t);
                if (args.length > 1 && args[1].equals("first")) {
                    return;
                }

                t = System.nanoTime();
                publisher.publish(ReferenceLoader.sources(quarter), quarter.toString());
                print("reload of the same files (marker only)", t);

                long before = inForce.get();
                t = System.nanoTime();
                long[] ptp = publisher.publish(ReferenceLoader.sources(next), next.toString()).sentAndTombstoned()
                        .get(org.claimscrubber.stream.ReferenceRecords.PTP);
                print(String.format(Locale.ROOT, "next quarter loaded (%,d PTP rows fewer: %,d sent, %,d tombstoned)", gone, ptp[0], ptp[1]), t);
                while (inForce.get() == before) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
                }
                print("next quarter in force, counted from the start of its load", t);
            }
        }
    }

    private static void print(String what, long startedNanos) {
        System.out.printf(Locale.ROOT, "%s: %.1f s%n", what, (System.nanoTime() - startedNanos) / 1e9);
    }
}
