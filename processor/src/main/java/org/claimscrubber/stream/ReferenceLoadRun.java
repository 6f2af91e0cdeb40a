package org.claimscrubber.stream;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.claimscrubber.avro.ReferenceLoad;
import org.claimscrubber.avro.ReferenceTableLoad;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.MueRow;
import org.claimscrubber.reference.PtpRow;
import org.claimscrubber.reference.ReadReport;
import org.claimscrubber.reference.ReferenceVisitor;
import org.claimscrubber.serde.AvroSerializer;

/** The rows of one load: sends what changed, tallies what each topic will hold, then marks the load. */
final class ReferenceLoadRun implements ReferenceVisitor {
    final String id = UUID.randomUUID().toString();
    final Map<String, long[]> counts = new LinkedHashMap<>();
    final Sends sends = new Sends();
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Map<String, Long>> existing;
    private final Map<String, Map<String, Long>> visited = new HashMap<>();
    private final AvroSerializer<SpecificRecord> serializer;
    private final PrintStream progress;
    private final Map<String, TableTally> tallies = new LinkedHashMap<>();

    ReferenceLoadRun(KafkaProducer<String, byte[]> producer, Map<String, Map<String, Long>> existing,
                     AvroSerializer<SpecificRecord> serializer, PrintStream progress) {
        this.producer = producer;
        this.existing = existing;
        this.serializer = serializer;
        this.progress = progress;
    }

    @Override
    public void ptp(PtpRow row) {
        row(ReferenceRecords.PTP, ReferenceRecords.key(row), ReferenceRecords.avro(row));
    }

    @Override
    public void mue(LocalDate edition, MueRow row) {
        row(ReferenceRecords.MUE, ReferenceRecords.key(edition, row), ReferenceRecords.avro(edition, row));
    }

    @Override
    public void code(LocalDate release, String file, CatalogRow row) {
        row(ReferenceRecords.CODES, ReferenceRecords.key(release, row), ReferenceRecords.avro(release, file, row));
    }

    @Override
    public void addOn(String release, org.claimscrubber.reference.AddOnRow row) {
        row(ReferenceRecords.ADD_ONS, ReferenceRecords.key(release, row), ReferenceRecords.avro(release, row));
    }

    @Override
    public void diagnosis(LocalDate effective, String file, String code, boolean billable) {
        row(ReferenceRecords.DIAGNOSES, ReferenceRecords.key(effective, code), ReferenceRecords.avro(effective, file, code, billable));
    }

    @Override
    public void gpci(int year, String file, org.claimscrubber.reference.GpciRow row) {
        row(ReferenceRecords.LOCALITIES, ReferenceRecords.key(year, row), ReferenceRecords.avro(year, file, row));
    }

    @Override
    public void localityCounty(int year, String file, org.claimscrubber.reference.LocalityCounty row) {
        row(ReferenceRecords.LOCALITIES, ReferenceRecords.key(year, row), ReferenceRecords.avro(year, file, row));
    }

    @Override
    public void zip(LocalDate effective, String file, org.claimscrubber.reference.ZipLocality row) {
        row(ReferenceRecords.LOCALITIES, ReferenceRecords.key(effective, row), ReferenceRecords.avro(effective, file, row));
    }

    @Override
    public void report(ReadReport report) {
        progress.println("read " + report);
        report.rejections().forEach(p -> progress.println("  " + p));
    }

    /** Sends a row unless the topic will hold these bytes anyway (already there, or queued by this run). */
    private void row(String topic, String key, SpecificRecord value) {
        sends.throwIfRefused();
        byte[] bytes = serializer.serialize(topic, value);
        long fingerprint = TableTally.fnv1a(bytes);
        Long before = visited.computeIfAbsent(topic, t -> new HashMap<>()).put(key, fingerprint);
        if (before == null) {
            before = existing.get(topic).get(key);
        }
        if (before == null || before != fingerprint) {
            sends.send(producer, new ProducerRecord<>(topic, key, bytes));
            if (++count(topic)[0] % 250_000 == 0) {
                progress.println(topic + ": " + count(topic)[0] + " rows queued");
            }
        }
    }

    void tombstoneVanished() {
        for (String topic : ReferencePublisher.ROW_TOPICS) {
            Map<String, Long> kept = visited.getOrDefault(topic, Map.of());
            for (String key : existing.get(topic).keySet()) {
                if (!kept.containsKey(key)) {
                    sends.send(producer, new ProducerRecord<>(topic, key, null));
                    count(topic)[1]++;
                }
            }
            TableTally tally = TableTally.EMPTY;
            for (Map.Entry<String, Long> e : kept.entrySet()) {
                tally = tally.plus(e.getKey(), e.getValue());
            }
            tallies.put(topic, tally);
        }
    }

    void mark(String where) {
        List<ReferenceTableLoad> tables = new ArrayList<>();
        tallies.forEach((topic, t) -> tables.add(new ReferenceTableLoad(topic, t.rows(), t.digest())));
        ReferenceLoad marker = new ReferenceLoad(id, Instant.now().toString(), where, tables);
        sends.send(producer, new ProducerRecord<>(ReferenceRecords.LOADS, ReferenceRecords.LOAD_KEY,
                serializer.serialize(ReferenceRecords.LOADS, marker)));
    }

    void report() {
        counts.forEach((t, c) -> progress.println(t + ": " + c[0] + " rows sent, " + c[1] + " tombstoned"));
        StringBuilder held = new StringBuilder();
        tallies.forEach((t, tally) -> held.append(held.isEmpty() ? "" : ", ").append(t).append(' ').append(tally.rows()).append(" rows"));
        progress.println("load " + id + " committed (" + sends.acknowledged() + " records acknowledged): " + held
                + "; marked on " + ReferenceRecords.LOADS);
    }

    private long[] count(String topic) {
        return counts.computeIfAbsent(topic, t -> new long[2]);
    }
}
