package org.claimscrubber.decision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
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
        private final char[] chars = new char[CHARS];

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
                DecisionJson.write(d, g, chars);
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

    /** The longest string value written from a char array; a longer one is handed to Jackson as a String. */
    private static final int CHARS = 1024;

    private static void write(Decision d, JsonGenerator g, char[] chars) throws IOException {
        g.writeStartObject();
        g.writeFieldName(DecisionField.CLAIM_ID);
        string(g, d.claimId(), chars);
        g.writeFieldName(DecisionField.EVENT_ID);
        string(g, d.eventId(), chars);
        g.writeFieldName(DecisionField.MEMBER_ID);
        string(g, d.memberId(), chars);
        text(g, DecisionField.DISPOSITION, d.disposition().name());
        g.writeFieldName(DecisionField.FINDINGS);
        g.writeStartArray();
        for (Finding f : d.findings()) {
            writeFinding(g, f, chars);
        }
        g.writeEndArray();
        g.writeFieldName(DecisionField.LINES);
        g.writeStartArray();
        for (DecisionLine l : d.lines()) {
            writeLine(g, l);
        }
        g.writeEndArray();
        g.writeFieldName(DecisionField.REFERENCE_VERSIONS);
        g.writeStartObject();
        for (Map.Entry<String, String> e : d.referenceVersions().entrySet()) {
            text(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeFieldName(DecisionField.PROCESSED_AT);
        string(g, IsoInstant.format(d.processedAt()), chars);
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, Finding f, char[] chars) throws IOException {
        g.writeStartObject();
        text(g, FindingField.EDIT, f.edit());
        text(g, FindingField.SEVERITY, f.severity().name());
        ints(g, FindingField.LINE_NUMBERS, f.lineNumbers());
        ints(g, FindingField.RELATED_LINE_NUMBERS, f.relatedLineNumbers());
        g.writeFieldName(FindingField.RELATED_CLAIM_IDS);
        g.writeStartArray();
        for (String id : f.relatedClaimIds()) {
            string(g, id, chars);
        }
        g.writeEndArray();
        text(g, FindingField.CARC, f.carc());
        text(g, FindingField.RARC, f.rarc());
        g.writeFieldName(FindingField.MESSAGE);
        string(g, f.message(), chars); // a message names the claim's own codes, lines and dates: rarely the same twice
        text(g, FindingField.REFERENCE, f.reference());
        g.writeEndObject();
    }

    /**
     * A string value that does not repeat, written from a char array: Jackson reads a String's characters one
     * {@code charAt} at a time, which the C1-only JVM of {@code check} does not make cheap.
     */
    private static void string(JsonGenerator g, String value, char[] chars) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value.length() > chars.length) {
            g.writeString(value);
        } else {
            value.getChars(0, value.length(), chars, 0);
            g.writeString(chars, 0, value.length());
        }
    }

    private static void writeLine(JsonGenerator g, DecisionLine l) throws IOException {
        g.writeStartObject();
        g.writeFieldName(LineField.LINE_NUMBER);
        g.writeNumber(l.lineNumber());
        text(g, LineField.PROCEDURE_CODE, l.procedureCode());
        text(g, LineField.DESCRIPTION, l.description());
        text(g, LineField.STATUS_CODE, l.statusCode());
        text(g, LineField.RATE_SETTING, l.rateSetting());
        number(g, LineField.WORK_RVU, l.workRvu());
        number(g, LineField.PE_RVU, l.peRvu());
        number(g, LineField.MP_RVU, l.mpRvu());
        number(g, LineField.CONVERSION_FACTOR, l.conversionFactor());
        g.writeFieldName(LineField.EXPECTED_ALLOWED);
        writeAmount(g, l.expectedAllowed());
        integer(g, LineField.MUE_VALUE, l.mueValue());
        integer(g, LineField.MAI, l.mai());
        text(g, LineField.GLOBAL_DAYS, l.globalDays());
        text(g, LineField.PRICING, l.pricing());
        text(g, LineField.PRICING_ZIP, l.pricingZip());
        text(g, LineField.PRICING_LOCALITY, l.pricingLocality());
        text(g, LineField.LOCALITY_NAME, l.localityName());
        number(g, LineField.WORK_GPCI, l.workGpci());
        number(g, LineField.PE_GPCI, l.peGpci());
        number(g, LineField.MP_GPCI, l.mpGpci());
        g.writeFieldName(LineField.FEE_SCHEDULE_AMOUNT);
        writeAmount(g, l.feeScheduleAmount());
        g.writeFieldName(LineField.ADJUSTMENTS);
        if (l.adjustments() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (PriceAdjustment a : l.adjustments()) {
                g.writeStartObject();
                text(g, LineField.KIND, a.kind());
                g.writeFieldName(LineField.FACTOR);
                g.writeString(a.factor().toPlainString());
                text(g, LineField.NOTE, a.note());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeFieldName(LineField.ADJUSTED_ALLOWED);
        writeAmount(g, l.adjustedAllowed());
        text(g, LineField.PRICING_NOTE, l.pricingNote());
        g.writeEndObject();
    }

    private static void writeAmount(JsonGenerator g, BigDecimal amount) throws IOException {
        if (amount == null) {
            g.writeNull();
        } else {
            g.writeString(plain(amount));
        }
    }

    /** {@code amount.toPlainString()}, kept for the amounts, RVUs and GPCIs that repeat from line to line. */
    private static SerializedString plain(BigDecimal amount) {
        SerializedString encoded = PLAIN.get(amount);
        if (encoded == null) {
            encoded = new SerializedString(amount.toPlainString());
            if (PLAIN.size() < MOST_ENCODED) {
                PLAIN.put(amount, encoded);
            }
        }
        return encoded;
    }

    private static final java.util.concurrent.ConcurrentHashMap<BigDecimal, SerializedString> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();

    /** A field of the decision (or of its referenceVersions) whose name is not a constant. */
    private static void text(JsonGenerator g, String name, String value) throws IOException {
        text(g, encoded(name), value);
    }

    /**
     * A line's text value. Line values repeat from claim to claim (descriptions, settings, locality names and notes are
     * the same String of the reference or the engine's caches), so their quoted UTF-8 bytes are kept and copied.
     */
    private static void text(JsonGenerator g, SerializedString name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
            return;
        }
        g.writeString(encoded(value));
    }

    private static SerializedString encoded(String value) {
        SerializedString encoded = ENCODED.get(value);
        if (encoded == null) {
            encoded = new SerializedString(value);
            if (ENCODED.size() < MOST_ENCODED) {
                ENCODED.put(value, encoded);
            }
        }
        return encoded;
    }

    private static final int MOST_ENCODED = 20_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, SerializedString> ENCODED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The field names of a decision, quoted once. */
    private static final class DecisionField {
        static final SerializedString CLAIM_ID = new SerializedString("claimId");
        static final SerializedString EVENT_ID = new SerializedString("eventId");
        static final SerializedString MEMBER_ID = new SerializedString("memberId");
        static final SerializedString DISPOSITION = new SerializedString("disposition");
        static final SerializedString FINDINGS = new SerializedString("findings");
        static final SerializedString LINES = new SerializedString("lines");
        static final SerializedString REFERENCE_VERSIONS = new SerializedString("referenceVersions");
        static final SerializedString PROCESSED_AT = new SerializedString("processedAt");

        private DecisionField() {
        }
    }

    /** The field names of a finding, quoted once. */
    private static final class FindingField {
        static final SerializedString EDIT = new SerializedString("edit");
        static final SerializedString SEVERITY = new SerializedString("severity");
        static final SerializedString LINE_NUMBERS = new SerializedString("lineNumbers");
        static final SerializedString RELATED_LINE_NUMBERS = new SerializedString("relatedLineNumbers");
        static final SerializedString RELATED_CLAIM_IDS = new SerializedString("relatedClaimIds");
        static final SerializedString CARC = new SerializedString("carc");
        static final SerializedString RARC = new SerializedString("rarc");
        static final SerializedString MESSAGE = new SerializedString("message");
        static final SerializedString REFERENCE = new SerializedString("reference");

        private FindingField() {
        }
    }

    /** The field names of a decision line, quoted once. */
    private static final class LineField {
        static final SerializedString LINE_NUMBER = new SerializedString("lineNumber");
        static final SerializedString PROCEDURE_CODE = new SerializedString("procedureCode");
        static final SerializedString DESCRIPTION = new SerializedString("description");
        static final SerializedString STATUS_CODE = new SerializedString("statusCode");
        static final SerializedString RATE_SETTING = new SerializedString("rateSetting");
        static final SerializedString WORK_RVU = new SerializedString("workRvu");
        static final SerializedString PE_RVU = new SerializedString("peRvu");
        static final SerializedString MP_RVU = new SerializedString("mpRvu");
        static final SerializedString CONVERSION_FACTOR = new SerializedString("conversionFactor");
        static final SerializedString EXPECTED_ALLOWED = new SerializedString("expectedAllowed");
        static final SerializedString MUE_VALUE = new SerializedString("mueValue");
        static final SerializedString MAI = new SerializedString("mai");
        static final SerializedString GLOBAL_DAYS = new SerializedString("globalDays");
        static final SerializedString PRICING = new SerializedString("pricing");
        static final SerializedString PRICING_ZIP = new SerializedString("pricingZip");
        static final SerializedString PRICING_LOCALITY = new SerializedString("pricingLocality");
        static final SerializedString LOCALITY_NAME = new SerializedString("localityName");
        static final SerializedString WORK_GPCI = new SerializedString("workGpci");
        static final SerializedString PE_GPCI = new SerializedString("peGpci");
        static final SerializedString MP_GPCI = new SerializedString("mpGpci");
        static final SerializedString FEE_SCHEDULE_AMOUNT = new SerializedString("feeScheduleAmount");
        static final SerializedString ADJUSTED_ALLOWED = new SerializedString("adjustedAllowed");
        static final SerializedString ADJUSTMENTS = new SerializedString("adjustments");
        static final SerializedString KIND = new SerializedString("kind");
        static final SerializedString FACTOR = new SerializedString("factor");
        static final SerializedString NOTE = new SerializedString("note");
        static final SerializedString PRICING_NOTE = new SerializedString("pricingNote");

        private LineField() {
        }
    }

    private static void number(JsonGenerator g, SerializedString name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else if (value.scale() < -MOST_SCALE || value.scale() > MOST_SCALE) {
            g.writeNumber(value);
        } else {
            g.writeRawValue(plain(value));
        }
    }

    /** Beyond this scale Jackson refuses to write a BigDecimal as plain text; such a value goes through Jackson's own check. */
    private static final int MOST_SCALE = 9999;

    private static void integer(JsonGenerator g, SerializedString name, Integer value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.intValue());
        }
    }

    private static void ints(JsonGenerator g, SerializedString name, List<Integer> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }
}
