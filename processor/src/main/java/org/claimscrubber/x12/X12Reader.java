package org.claimscrubber.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads X12 837P interchanges with StAEDI's streaming reader: StAEDI tokenizes and validates the envelope (ISA/IEA,
 * GS/GE and ST/SE control numbers and counts); {@link ClaimAssembler} maps and checks the 005010X222A1 segments that
 * claim-scrubber reads. Several interchanges may follow each other in one stream.
 */
public final class X12Reader {
    private static final Logger STAEDI_LOG = Logger.getLogger("io.xlate");
    private static final EDIInputFactory FACTORY = EDIInputFactory.newFactory();

    static {
        STAEDI_LOG.setLevel(Level.SEVERE);
    }

    private X12Reader() {
    }

    /** StAEDI logs schema loading at INFO and a missing writer schema at WARNING through java.util.logging: quieted. */
    static void quietLibraryLog() {
        STAEDI_LOG.setLevel(Level.SEVERE);
    }

    /** Every interchange in the bytes, in order. Throws {@link X12Exception} when they are not X12 or are cut off. */
    public static List<Interchange> read(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes));
    }

    /** Every interchange in the stream, in order. Throws {@link X12Exception} when it is not X12 or is cut off. */
    public static List<Interchange> read(InputStream in) {
        List<Interchange> all = new ArrayList<>(1);
        read(in, all::add);
        return all;
    }

    /**
     * Hands each interchange to {@code consumer} as soon as its IEA is read, so a large file is never held whole.
     * Throws {@link X12Exception} when the stream is not X12 or is cut off (the interchanges before stay delivered),
     * {@link UncheckedIOException} when the stream itself fails (a read error is not bad X12), and whatever the consumer
     * throws, unchanged.
     */
    public static void read(InputStream in, Consumer<Interchange> consumer) {
        Run run = new Run(consumer);
        Source source = new Source(in);
        EDIStreamReader reader;
        synchronized (FACTORY) {
            reader = FACTORY.createEDIStreamReader(source);
        }
        try {
            while (reader.hasNext()) {
                run.event(reader, reader.next());
            }
            if (run.count == 0) {
                throw new X12Exception("no X12 interchange (ISA) found", 0, null);
            }
            if (run.open()) {
                throw new X12Exception("the interchange ends before its IEA", run.lastPosition, null);
            }
        } catch (ConsumerFailure e) {
            throw e.failure;
        } catch (EDIStreamException | RuntimeException e) {
            if (e instanceof X12Exception x) {
                throw x;
            }
            if (source.failure != null) {
                throw new UncheckedIOException(source.failure.getMessage(), source.failure);
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new X12Exception("not readable as X12: " + message, run.lastPosition, e);
        } finally {
            try {
                reader.close();
            } catch (IOException ignored) {
                // a byte-array or file stream; nothing to report
            }
        }
    }

    /**
     * The input, keeping what its own reads threw: only that is an I/O failure. The parser reports bytes it cannot decode
     * (not UTF-8, say) as an IOException too, and those are bad X12.
     */
    private static final class Source extends java.io.FilterInputStream {
        IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** What the consumer threw, carried past the catch that turns the parser's failures into {@link X12Exception}. */
    private static final class ConsumerFailure extends RuntimeException {
        final RuntimeException failure;

        ConsumerFailure(RuntimeException failure) {
            super(null, failure, false, false);
            this.failure = failure;
        }
    }

    /** The state of one read. */
    private static final class Run {
        final Consumer<Interchange> consumer;
        final Segment segment = new Segment();
        int count;
        int lastPosition;
        InterchangeBuilder interchange;
        GroupBuilder group;
        TransactionBuilder transaction;

        Run(Consumer<Interchange> consumer) {
            this.consumer = consumer;
        }

        boolean open() {
            return interchange != null;
        }

        void event(EDIStreamReader r, EDIStreamEvent e) {
            switch (e) {
                case START_INTERCHANGE -> interchange = new InterchangeBuilder();
                case START_SEGMENT -> {
                    lastPosition = r.getLocation().getSegmentPosition();
                    segment.start(r.getText(), lastPosition);
                }
                case ELEMENT_DATA -> {
                    Location l = r.getLocation();
                    if (l.getElementOccurrence() <= 1) {
                        segment.set(l.getElementPosition(), l.getComponentPosition(), r.getText());
                    }
                }
                case END_SEGMENT -> segment();
                case END_TRANSACTION -> {
                    if (transaction != null && group != null) {
                        group.transactions.add(transaction.build());
                    }
                    transaction = null;
                }
                case END_GROUP -> {
                    if (group != null && interchange != null) {
                        interchange.groups.add(group.build());
                    }
                    group = null;
                }
                case END_INTERCHANGE -> {
                    if (interchange != null) {
                        count++;
                        Interchange done = interchange.build();
                        interchange = null;
                        try {
                            consumer.accept(done);
                        } catch (RuntimeException failure) {
                            throw new ConsumerFailure(failure);
                        }
                    }
                    interchange = null;
                }
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error(r, e);
                default -> { }
            }
        }

        private void segment() {
            Segment s = segment;
            switch (s.tag()) {
                case "ISA" -> interchange.header(s);
                case "GS" -> group = new GroupBuilder(s);
                case "ST" -> transaction = new TransactionBuilder(s, interchange, group);
                case "SE" -> {
                    if (transaction != null) {
                        transaction.segmentCount = s.position() - transaction.start + 1;
                    }
                }
                case "GE", "IEA", "TA1" -> { }
                default -> {
                    if (transaction != null) {
                        transaction.accept(s);
                    }
                }
            }
        }

        private void error(EDIStreamReader r, EDIStreamEvent e) {
            Location l = r.getLocation();
            String tag = l.getSegmentTag();
            EDIStreamValidationError type = r.getErrorType();
            String bad = r.hasText() && e != EDIStreamEvent.SEGMENT_ERROR ? r.getText() : null;
            if ("SE".equals(tag) || ("ST".equals(tag) && transaction != null)) {
                if (transaction != null) {
                    transaction.errors.add(new X12Error(X12Error.Level.TRANSACTION, AckCodes.transactionCode(type), tag,
                            l.getSegmentPosition() - transaction.start + 1, l.getElementPosition(), 0, bad, describe(type)));
                }
            } else if ("GE".equals(tag) || "GS".equals(tag)) {
                if (group != null) {
                    group.errors.add(new X12Error(X12Error.Level.GROUP, AckCodes.groupCode(type), tag, l.getSegmentPosition(),
                            l.getElementPosition(), 0, bad, describe(type)));
                }
            } else if (transaction != null) {
                boolean segmentLevel = e == EDIStreamEvent.SEGMENT_ERROR;
                int position = l.getSegmentPosition() - transaction.start + 1;
                transaction.errors.add(segmentLevel
                        ? X12Error.segment(AckCodes.segmentCode(type), tag, position, describe(type))
                        : X12Error.element(AckCodes.elementCode(type), tag, position, l.getElementPosition(),
                        Math.max(l.getComponentPosition(), 0), bad, describe(type)));
            } else if (interchange != null) {
                interchange.errors.add(new X12Error(X12Error.Level.INTERCHANGE, AckCodes.interchangeCode(type), tag,
                        l.getSegmentPosition(), l.getElementPosition(), 0, bad, describe(type)));
            }
        }

        private static String describe(EDIStreamValidationError type) {
            return type.name().toLowerCase().replace('_', ' ');
        }
    }

    private static final class InterchangeBuilder {
        final List<FunctionalGroup> groups = new ArrayList<>(1);
        final List<X12Error> errors = new ArrayList<>(0);
        String senderQualifier;
        String senderId;
        String receiverQualifier;
        String receiverId;
        String controlNumber;
        String date;
        String time;
        String usage;

        void header(Segment s) {
            senderQualifier = trim(s.get(5));
            senderId = trim(s.get(6));
            receiverQualifier = trim(s.get(7));
            receiverId = trim(s.get(8));
            date = s.get(9);
            time = s.get(10);
            controlNumber = trim(s.get(13));
            usage = s.get(15);
        }

        Interchange build() {
            return new Interchange(senderQualifier, senderId, receiverQualifier, receiverId, controlNumber, date, time, usage,
                    List.copyOf(groups), List.copyOf(errors));
        }
    }

    private static final class GroupBuilder {
        final List<TransactionSet> transactions = new ArrayList<>();
        final List<X12Error> errors = new ArrayList<>(0);
        final String functionalId;
        final String sender;
        final String receiver;
        final String controlNumber;
        final String version;

        GroupBuilder(Segment s) {
            functionalId = s.get(1);
            sender = s.get(2);
            receiver = s.get(3);
            controlNumber = s.get(6);
            version = s.get(8);
        }

        FunctionalGroup build() {
            return new FunctionalGroup(functionalId, sender, receiver, controlNumber, version, List.copyOf(transactions), List.copyOf(errors));
        }
    }

    private static final class TransactionBuilder {
        final List<X12Error> errors = new ArrayList<>(0);
        final int start;
        final String type;
        final String controlNumber;
        final String implementation;
        final ClaimAssembler assembler;
        int segmentCount;
        boolean bhtSeen;

        TransactionBuilder(Segment st, InterchangeBuilder interchange, GroupBuilder group) {
            start = st.position();
            type = st.get(1);
            controlNumber = st.get(2);
            implementation = st.get(3);
            String version = implementation != null ? implementation : group == null ? null : group.version;
            if (!"837".equals(type)) {
                errors.add(new X12Error(X12Error.Level.TRANSACTION, "1", "ST", 1, 1, 0, type, "transaction set " + type + " is not an 837"));
            } else if (version == null || !version.startsWith("005010X222")) {
                errors.add(new X12Error(X12Error.Level.TRANSACTION, "I6", "ST", 1, 3, 0, version,
                        "implementation " + version + " is not 005010X222A1 (837P)"));
            }
            String sender = interchange == null ? "" : interchange.senderId;
            String isa13 = interchange == null ? "" : interchange.controlNumber;
            String gs06 = group == null ? "" : group.controlNumber;
            assembler = new ClaimAssembler("x12:" + sender + ":" + isa13 + ":" + gs06 + ":" + controlNumber);
        }

        void accept(Segment s) {
            int position = s.position() - start + 1;
            if (!bhtSeen && "BHT".equals(s.tag())) {
                bhtSeen = true;
                assembler.submittedAt(submittedAt(s.get(4), s.get(5)));
            }
            assembler.accept(s, position);
        }

        TransactionSet build() {
            List<MappedClaim> claims = assembler.finish();
            List<X12Error> all = new ArrayList<>(errors);
            all.addAll(assembler.errors());
            return new TransactionSet(type, controlNumber, implementation, segmentCount, List.copyOf(claims), List.copyOf(all));
        }

        /** BHT04 (CCYYMMDD) and BHT05 (HHMM, HHMMSS) as an ISO instant in UTC, or null when they are not dates. */
        private static String submittedAt(String date, String time) {
            if (date == null || date.length() != 8 || !date.chars().allMatch(Character::isDigit)) {
                return null;
            }
            String t = time == null || !time.chars().allMatch(Character::isDigit) ? "" : time;
            String hh = t.length() >= 2 ? t.substring(0, 2) : "00";
            String mm = t.length() >= 4 ? t.substring(2, 4) : "00";
            String ss = t.length() >= 6 ? t.substring(4, 6) : "00";
            return date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6) + "T" + hh + ":" + mm + ":" + ss + "Z";
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
