package org.claimscrubber.x12;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * Writes X12 with StAEDI's writer: the envelope (ISA, GS, ST, SE, GE, IEA, with the counts kept here) and segments
 * given as element values, where a value is a String, a String[] (a composite), or null (an empty element; trailing
 * empty elements are dropped). Delimiters: {@code *} elements, {@code :} components, {@code ^} repetitions,
 * {@code ~} plus a line feed between segments.
 */
public final class X12Output implements AutoCloseable {
    private static final EDIOutputFactory FACTORY = EDIOutputFactory.newFactory();

    static {
        FACTORY.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        FACTORY.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        X12Reader.quietLibraryLog();
    }

    private final OutputStream stream;
    private EDIStreamWriter writer;
    private String interchangeControl;
    private String groupControl;
    private String transactionControl;
    private int groups;
    private int transactions;
    private int segments;

    public X12Output(OutputStream out) {
        this.stream = out;
    }

    /** ISA with the given sender and receiver (qualifier ZZ unless given), date YYMMDD, time HHMM, control number. */
    public X12Output startInterchange(String senderQualifier, String sender, String receiverQualifier, String receiver, String date,
                                      String time, String controlNumber, String usage) {
        interchangeControl = String.format("%09d", Long.parseLong(controlNumber));
        groups = 0;
        synchronized (FACTORY) {
            writer = FACTORY.createEDIStreamWriter(stream); // one writer per interchange: StAEDI keeps the first ISA's delimiters
        }
        run(() -> {
            writer.startInterchange();
            writer.writeStartSegment("ISA");
            writer.writeElement("00").writeElement("          ").writeElement("00").writeElement("          ");
            writer.writeElement(senderQualifier).writeElement(pad(sender));
            writer.writeElement(receiverQualifier).writeElement(pad(receiver));
            writer.writeElement(date).writeElement(time).writeElement("^").writeElement("00501").writeElement(interchangeControl);
            writer.writeElement("0").writeElement(usage).writeElement(":");
            writer.writeEndSegment();
        });
        return this;
    }

    public X12Output startGroup(String functionalId, String sender, String receiver, String date, String time, String controlNumber,
                                String version) {
        groupControl = controlNumber;
        groups++;
        transactions = 0;
        plain("GS", functionalId, sender, receiver, date, time, controlNumber, "X", version);
        return this;
    }

    public X12Output startTransaction(String type, String controlNumber, String implementation) {
        transactionControl = controlNumber;
        transactions++;
        segments = 0;
        segment("ST", type, controlNumber, implementation);
        return this;
    }

    /** One segment inside a transaction set (counted for SE01). */
    public X12Output segment(String tag, Object... elements) {
        segments++;
        plain(tag, elements);
        return this;
    }

    public X12Output endTransaction() {
        segments++;
        plain("SE", Integer.toString(segments), transactionControl);
        return this;
    }

    public X12Output endGroup() {
        plain("GE", Integer.toString(transactions), groupControl);
        return this;
    }

    public X12Output endInterchange() {
        plain("IEA", Integer.toString(groups), interchangeControl);
        run(writer::endInterchange);
        return this;
    }

    /** A segment outside any transaction set (TA1, or the envelope). */
    public X12Output plain(String tag, Object... elements) {
        run(() -> {
            writer.writeStartSegment(tag);
            int last = elements.length;
            while (last > 0 && elements[last - 1] == null) {
                last--;
            }
            for (int i = 0; i < last; i++) {
                Object e = elements[i];
                if (e == null) {
                    writer.writeEmptyElement();
                } else if (e instanceof String[] composite) {
                    writer.writeStartElement();
                    int n = composite.length;
                    while (n > 0 && composite[n - 1] == null) {
                        n--;
                    }
                    for (int c = 0; c < n; c++) {
                        if (composite[c] == null) {
                            writer.writeEmptyComponent();
                        } else {
                            writer.writeComponent(composite[c]);
                        }
                    }
                    writer.endElement();
                } else {
                    writer.writeElement(e.toString());
                }
            }
            writer.writeEndSegment();
        });
        return this;
    }

    public void flush() {
        if (writer != null) {
            run(writer::flush);
        }
    }

    @Override
    public void close() {
        flush();
    }

    private static String pad(String id) {
        return String.format("%-15s", id);
    }

    private interface Step {
        void run() throws EDIStreamException;
    }

    private static void run(Step step) {
        try {
            step.run();
        } catch (EDIStreamException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("X12 writer: " + e.getMessage(), e);
        }
    }
}
