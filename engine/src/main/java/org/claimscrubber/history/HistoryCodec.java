package org.claimscrubber.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A compact, versioned binary form of {@link MemberHistory} for the state store and its changelog (its Kafka serde: stream/HistorySerde). */
public final class HistoryCodec {
    private static final byte VERSION = 1;

    private HistoryCodec() {
    }

    public static byte[] encode(MemberHistory history) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeInt(history.claims().size());
            for (HistoryClaim c : history.claims()) {
                out.writeUTF(c.claimId());
                out.writeInt(c.lines().size());
                for (HistoryLine l : c.lines()) {
                    out.writeInt(l.lineNumber());
                    out.writeUTF(l.code());
                    out.writeByte(l.modifiers().size());
                    for (String m : l.modifiers()) {
                        out.writeUTF(m);
                    }
                    out.writeInt(l.units());
                    out.writeInt((int) l.serviceDate().toEpochDay());
                    out.writeUTF(l.renderingNpi());
                    out.writeUTF(l.billingNpi());
                }
            }
            out.writeInt(history.events().size());
            for (SeenEvent e : history.events()) {
                out.writeUTF(e.eventId());
                out.writeInt(e.keepByDay());
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length of {@link #encode}'s result, without encoding. */
    public static int size(MemberHistory history) {
        int size = 1 + 4 + 4;
        for (HistoryClaim c : history.claims()) {
            size += size(c);
        }
        for (SeenEvent e : history.events()) {
            size += size(e);
        }
        return size;
    }

    /**
     * An upper bound of {@link #size(MemberHistory)} from string lengths alone (a char takes at most 3 bytes), so the
     * common small history is known to fit without looking at its characters.
     */
    static int sizeAtMost(MemberHistory history) {
        int size = 1 + 4 + 4;
        List<HistoryClaim> claims = history.claims();
        for (int i = 0, n = claims.size(); i < n; i++) { // indexed: no iterator, for the C1-only JVM of check
            size += claims.get(i).sizeAtMost();
        }
        List<SeenEvent> events = history.events();
        for (int i = 0, n = events.size(); i < n; i++) {
            size += 2 + 3 * events.get(i).eventId().length() + 4;
        }
        return size;
    }

    /** {@link #sizeAtMost(MemberHistory)}'s share of one claim, made once with the claim ({@link HistoryClaim#sizeAtMost}). */
    static int sizeAtMost(String claimId, List<HistoryLine> lines) {
        int size = 2 + 3 * claimId.length() + 4;
        for (HistoryLine l : lines) {
            size += 4 + 2 + 3 * l.code().length() + 1 + 4 + 4 + 2 + 3 * l.renderingNpi().length() + 2 + 3 * l.billingNpi().length();
            for (String m : l.modifiers()) {
                size += 2 + 3 * m.length();
            }
        }
        return size;
    }

    static int size(HistoryClaim c) {
        int size = utf(c.claimId()) + 4;
        for (HistoryLine l : c.lines()) {
            size += 4 + utf(l.code()) + 1 + 4 + 4 + utf(l.renderingNpi()) + utf(l.billingNpi());
            for (String m : l.modifiers()) {
                size += utf(m);
            }
        }
        return size;
    }

    static int size(SeenEvent e) {
        return utf(e.eventId()) + 4;
    }

    /** The length of {@link DataOutputStream#writeUTF}'s output: two length bytes and modified UTF-8. */
    private static int utf(String s) {
        int n = 2;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            n += ch >= 1 && ch <= 0x7F ? 1 : ch <= 0x7FF ? 2 : 3;
        }
        return n;
    }

    public static MemberHistory decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("member history written in format " + version + ", this build reads " + VERSION);
            }
            int claims = in.readInt();
            List<HistoryClaim> claimList = new ArrayList<>(claims);
            for (int i = 0; i < claims; i++) {
                String claimId = in.readUTF();
                int lines = in.readInt();
                List<HistoryLine> lineList = new ArrayList<>(lines);
                for (int j = 0; j < lines; j++) {
                    int lineNumber = in.readInt();
                    String code = in.readUTF().intern();
                    int mods = in.readByte();
                    List<String> modifiers = new ArrayList<>(mods);
                    for (int k = 0; k < mods; k++) {
                        modifiers.add(in.readUTF());
                    }
                    lineList.add(new HistoryLine(lineNumber, code, List.copyOf(modifiers), in.readInt(), LocalDate.ofEpochDay(in.readInt()),
                            in.readUTF().intern(), in.readUTF().intern()));
                }
                claimList.add(HistoryClaim.of(claimId, lineList));
            }
            int events = in.readInt();
            List<SeenEvent> eventList = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                eventList.add(new SeenEvent(in.readUTF(), in.readInt()));
            }
            return new MemberHistory(List.copyOf(claimList), List.copyOf(eventList));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
