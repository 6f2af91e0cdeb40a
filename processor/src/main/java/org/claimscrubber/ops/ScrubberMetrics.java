package org.claimscrubber.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.reference.FeeSchedule;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.stream.StreamsObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business meters on a Prometheus registry, next to the Kafka Streams client metrics. Labels carry
 * dispositions, edit codes, severities, reasons, tables and versions: never a member id, claim id or NPI.
 */
public final class ScrubberMetrics implements StreamsObserver {
    private static final Logger LOG = LoggerFactory.getLogger(ScrubberMetrics.class);
    private final PrometheusMeterRegistry registry = new ClampingRegistry();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Timer latency;
    private final Counter keyMismatch;
    private final Counter historiesExpired;
    private final Map<String, String> referenceVersions = new ConcurrentHashMap<>();
    private final Map<String, Long> effectiveDays = new ConcurrentHashMap<>();

    public ScrubberMetrics() {
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        latency = Timer.builder("claimscrubber.end.to.end.latency")
                .description("Decision time minus the input record's timestamp")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        keyMismatch = Counter.builder("claimscrubber.input.key.mismatch")
                .description("Claims on member-keyed input whose record key is not their member id").register(registry);
        historiesExpired = Counter.builder("claimscrubber.history.expired")
                .description("Stored histories deleted because nothing in them can matter to a later claim").register(registry);
    }

    /** Binds the Kafka Streams client metrics of this instance. */
    @Override
    public void bind(KafkaStreams streams) {
        new KafkaStreamsMetrics(streams).bindTo(registry);
    }

    /** Publishes the history store's size, read when scraped. */
    public void historyEntries(LongSupplier entries) {
        Gauge.builder("claimscrubber.member.history.entries", entries::getAsLong)
                .description("Members with history in this instance's stores (RocksDB estimate)").register(registry);
    }

    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void decided(Decision decision, long inputTimestamp) {
        counter("claimscrubber.decisions", "disposition", decision.disposition().name()).increment();
        for (Finding f : decision.findings()) {
            counters.computeIfAbsent("f|" + f.edit() + "|" + f.severity(), k -> Counter.builder("claimscrubber.findings")
                    .tag("edit", f.edit()).tag("severity", f.severity().name()).register(registry)).increment();
        }
        if (inputTimestamp > 0) {
            latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - inputTimestamp)));
        }
    }

    @Override
    public void deadLettered(String reason) {
        counter("claimscrubber.dlq.records", "reason", reason).increment();
    }

    @Override
    public void inputKeyMismatch() {
        keyMismatch.increment();
    }

    @Override
    public void historiesExpired(int count) {
        historiesExpired.increment(count);
    }

    @Override
    public void referenceRecordSkipped(String topic) {
        counter("claimscrubber.reference.records.skipped", "topic", topic).increment();
    }

    @Override
    public void referenceInForce(ReferenceData reference) {
        String ptp = reference.ptp().latestSource();
        version("ptp", ptp == null ? "none" : ptp);
        effective("ptp", ptpQuarterStart(ptp));
        LocalDate mue = reference.mue().editions().isEmpty() ? null : reference.mue().editions().lastKey();
        version("mue", mue == null ? "none" : mue.toString());
        effective("mue", mue);
        FeeSchedule fees = reference.fees();
        LocalDate rvu = fees.releases().isEmpty() ? null : fees.releases().lastKey();
        version("rvu", rvu == null ? "none" : rvu.toString());
        effective("rvu", rvu);
    }

    /** {@code claimscrubber_reference_effective_timestamp_seconds{table}}: when the newest loaded version took effect. */
    private void effective(String table, LocalDate date) {
        effectiveDays.put(table, date == null ? 0L : date.toEpochDay() * 86_400L);
        Gauge.builder("claimscrubber.reference.effective.timestamp.seconds", () -> effectiveDays.getOrDefault(table, 0L))
                .tag("table", table).description("Effective date of the newest loaded reference version").register(registry);
    }

    /** The first day of the quarter a PTP version names: v322r0 is version 32.2, 2026 Q3 (32 is 2026, 31 is 2025). */
    static LocalDate ptpQuarterStart(String source) {
        if (source == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("v(\\d+)(\\d)r\\d+").matcher(source);
        if (!m.find()) {
            return null;
        }
        int quarter = Integer.parseInt(m.group(2));
        return quarter > 3 ? null : LocalDate.of(1994 + Integer.parseInt(m.group(1)), 1 + 3 * quarter, 1);
    }

    /** {@code claimscrubber_reference_info{table,version}}: 1 for the version in force, 0 for one replaced. */
    private void version(String table, String version) {
        referenceVersions.put(table, version);
        Gauge.builder("claimscrubber.reference.info", () -> version.equals(referenceVersions.get(table)) ? 1 : 0)
                .tag("table", table).tag("version", version).description("1 for the reference version in force")
                .register(registry);
    }

    /**
     * Some Kafka Streams client metrics named {@code *-total} report -1 while they have nothing to say (at DEBUG
     * recording, RocksDB statistics before the first read). Micrometer binds every {@code *-total} as a counter and
     * the Prometheus model refuses a negative counter, which failed the whole scrape; such a reading is exported as 0.
     */
    private static final class ClampingRegistry extends PrometheusMeterRegistry {
        private final Set<String> reported = ConcurrentHashMap.newKeySet();

        ClampingRegistry() {
            super(PrometheusConfig.DEFAULT);
        }

        @Override
        protected <T> FunctionCounter newFunctionCounter(Meter.Id id, T obj, ToDoubleFunction<T> countFunction) {
            return super.newFunctionCounter(id, obj, o -> {
                double v = countFunction.applyAsDouble(o);
                if (v < 0) {
                    if (reported.add(id.getName())) {
                        LOG.debug("counter {} read {}; exported as 0", id.getName(), v);
                    }
                    return 0;
                }
                return v;
            });
        }
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + "|" + value, k -> Counter.builder(name).tag(tag, value).register(registry));
    }
}
