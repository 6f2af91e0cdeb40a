package org.claimscrubber.decision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes a {@link Decision} in the JSON form of contracts §3, one object per line. */
public final class DecisionJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DecisionJson() {
    }

    public static String toJson(Decision d) {
        StringWriter out = new StringWriter(512);
        try (LineWriter lines = new LineWriter(out)) {
            lines.write(d);
        }
        return out.toString().stripTrailing();
    }

    /** Writes decisions as JSON Lines through one generator. */
    public static final class LineWriter implements AutoCloseable {
        private final JsonGenerator g;

        public LineWriter(Writer out) {
            this(generator(() -> FACTORY.createGenerator(out)));
        }

        /** Writes UTF-8 straight to the stream: no char-to-byte pass, the faster of the two for files and pipes. */
        public LineWriter(java.io.OutputStream out) {
            this(generator(() -> FACTORY.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)));
        }

        private interface GeneratorSource {
            JsonGenerator open() throws IOException;
        }

        private static JsonGenerator generator(GeneratorSource source) {
            try {
                return source.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private LineWriter(JsonGenerator generator) {
            g = generator;
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.setRootValueSeparator(null);
        }

        public void write(Decision d) {
            try {
                DecisionJson.write(d, g);
                g.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Pushes what is buffered to the underlying writer and flushes it. */
        public void flush() {
            try {
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                g.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void write(Decision d, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("claimId", d.claimId());
        g.writeStringField("eventId", d.eventId());
        g.writeStringField("memberId", d.memberId());
        g.writeStringField("disposition", d.disposition().name());
        g.writeArrayFieldStart("findings");
        for (Finding f : d.findings()) {
            writeFinding(g, f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("lines");
        for (DecisionLine l : d.lines()) {
            writeLine(g, l);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("referenceVersions");
        for (Map.Entry<String, String> e : d.referenceVersions().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("processedAt", d.processedAt().toString());
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("edit", f.edit());
        g.writeStringField("severity", f.severity().name());
        ints(g, "lineNumbers", f.lineNumbers());
        ints(g, "relatedLineNumbers", f.relatedLineNumbers());
        g.writeArrayFieldStart("relatedClaimIds");
        for (String id : f.relatedClaimIds()) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeStringField("carc", f.carc());
        g.writeStringField("rarc", f.rarc());
        g.writeStringField("message", f.message());
        g.writeStringField("reference", f.reference());
        g.writeEndObject();
    }

    private static void writeLine(JsonGenerator g, DecisionLine l) throws IOException {
        g.writeStartObject();
        g.writeNumberField("lineNumber", l.lineNumber());
        g.writeStringField("procedureCode", l.procedureCode());
        g.writeStringField("description", l.description());
        g.writeStringField("statusCode", l.statusCode());
        g.writeStringField("rateSetting", l.rateSetting());
        number(g, "workRvu", l.workRvu());
        number(g, "peRvu", l.peRvu());
        number(g, "mpRvu", l.mpRvu());
        number(g, "conversionFactor", l.conversionFactor());
        g.writeStringField("expectedAllowed", l.expectedAllowed() == null ? null : l.expectedAllowed().toPlainString());
        integer(g, "mueValue", l.mueValue());
        integer(g, "mai", l.mai());
        g.writeStringField("globalDays", l.globalDays());
        g.writeStringField("pricing", l.pricing());
        g.writeStringField("pricingZip", l.pricingZip());
        g.writeStringField("pricingLocality", l.pricingLocality());
        g.writeStringField("localityName", l.localityName());
        number(g, "workGpci", l.workGpci());
        number(g, "peGpci", l.peGpci());
        number(g, "mpGpci", l.mpGpci());
        g.writeStringField("feeScheduleAmount", l.feeScheduleAmount() == null ? null : l.feeScheduleAmount().toPlainString());
        if (l.adjustments() == null) {
            g.writeNullField("adjustments");
        } else {
            g.writeArrayFieldStart("adjustments");
            for (PriceAdjustment a : l.adjustments()) {
                g.writeStartObject();
                g.writeStringField("kind", a.kind());
                g.writeStringField("factor", a.factor().toPlainString());
                g.writeStringField("note", a.note());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("pricingNote", l.pricingNote());
        g.writeEndObject();
    }

    private static void ints(JsonGenerator g, String name, List<Integer> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void integer(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.intValue());
        }
    }
}
