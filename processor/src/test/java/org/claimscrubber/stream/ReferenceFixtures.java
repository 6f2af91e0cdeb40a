package org.claimscrubber.stream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.claimscrubber.TestReference;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.MueRow;
import org.claimscrubber.reference.PtpRow;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.reference.ReferenceVisitor;
import org.claimscrubber.serde.AvroSerializer;
import org.claimscrubber.serde.SerdeConfig;

/** Reference-topic helpers for broker tests: raw records, a half-written load, the next quarter's folder. */
final class ReferenceFixtures {
    private ReferenceFixtures() {
    }

    /** Sends records as they are (bytes, or null for a tombstone) with a plain producer and waits for each. */
    static void sendRaw(Map<String, Object> config, String topic, Map<String, byte[]> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ClientConfigs.connection(config),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach((k, v) -> sent.add(producer.send(new ProducerRecord<>(topic, k, v))));
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A value in the topic's schema, Confluent-framed, as any Avro producer would write it. */
    static byte[] avro(Map<String, Object> config, String topic, SpecificRecord value) {
        return new AvroSerializer<SpecificRecord>(SerdeConfig.from(config, false), false).serialize(topic, value);
    }

    /** Every row of the sample reference on the reference topics, without what marks a load complete: a loader that died. */
    static void halfWrittenSampleLoad(Map<String, Object> config) throws Exception {
        Map<String, Map<String, byte[]>> rows = Map.of(ReferenceRecords.PTP, new java.util.HashMap<>(), ReferenceRecords.MUE,
                new java.util.HashMap<>(), ReferenceRecords.CODES, new java.util.HashMap<>());
        ReferenceLoader.visit(ReferenceLoader.sampleSources(), "sample", new ReferenceVisitor() {
            @Override
            public void ptp(PtpRow row) {
                rows.get(ReferenceRecords.PTP).put(ReferenceRecords.key(row), avro(config, ReferenceRecords.PTP, ReferenceRecords.avro(row)));
            }

            @Override
            public void mue(LocalDate edition, MueRow row) {
                rows.get(ReferenceRecords.MUE).put(ReferenceRecords.key(edition, row),
                        avro(config, ReferenceRecords.MUE, ReferenceRecords.avro(edition, row)));
            }

            @Override
            public void code(LocalDate release, String file, CatalogRow row) {
                rows.get(ReferenceRecords.CODES).put(ReferenceRecords.key(release, row),
                        avro(config, ReferenceRecords.CODES, ReferenceRecords.avro(release, file, row)));
            }
        });
        for (Map.Entry<String, Map<String, byte[]>> e : rows.entrySet()) {
            sendRaw(config, e.getKey(), e.getValue());
        }
    }

    /** The sample with 62323 gone from the fee schedule and the PTP file renamed to the next version. */
    static Path nextQuarter(Path dir) throws Exception {
        Path next = Files.createDirectories(dir.resolve("next"));
        Files.writeString(next.resolve("PPRRVU2026_Jan_nonQPP.csv"),
                TestReference.sampleText("PPRRVU2026_Jan_nonQPP.csv").replaceAll("(?m)^62323,.*\\r\\n", ""), StandardCharsets.ISO_8859_1);
        Files.writeString(next.resolve("ccipra-v321r0-f1.txt"), TestReference.sampleText("ccipra-v320r0-f1.txt"),
                StandardCharsets.ISO_8859_1);
        Files.writeString(next.resolve("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"),
                TestReference.sampleText("MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"), StandardCharsets.ISO_8859_1);
        return next;
    }

    /** Entries of one of the processor's global stores, read through interactive queries. */
    static long storeEntries(ProcessorApp app, String store) {
        ReadOnlyKeyValueStore<Object, Object> s = app.streams().store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
        long n = 0;
        try (KeyValueIterator<Object, Object> all = s.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    /** The value of one sample of a Prometheus scrape, 0 when absent. */
    static double metric(String scrape, String sample) {
        return scrape.lines().filter(l -> l.startsWith(sample + " ")).mapToDouble(l -> Double.parseDouble(l.substring(sample.length() + 1)))
                .findFirst().orElse(0);
    }

    static final Duration LONG = Duration.ofSeconds(90);
}
