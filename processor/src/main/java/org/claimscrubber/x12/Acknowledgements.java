package org.claimscrubber.x12;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.decision.Decision;

/**
 * The answers to an 837P interchange, written with StAEDI's writer: a 999 implementation acknowledgement
 * (005010X231A1; with a TA1 when the interchange envelope itself failed) for every interchange, and a 277CA claim
 * acknowledgement (005010X214) for an accepted one, per claim an STC from its decision ({@link ClaimStatus}). Both
 * go back from the 837's receiver to its sender under the 837's ISA13.
 */
public final class Acknowledgements {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm").withZone(ZoneOffset.UTC);

    private Acknowledgements() {
    }

    /** The 999 (and TA1 when the ISA/IEA failed) for the interchange. */
    public static byte[] implementationAck(Interchange in, Instant now) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        X12Output out = new X12Output(bytes);
        start(out, in, now);
        for (X12Error e : in.errors()) {
            out.plain("TA1", in.controlNumber(), in.date(), in.time(), "R", e.code());
            break;
        }
        for (FunctionalGroup g : in.groups()) {
            out.startGroup("FA", or(g.receiverCode(), in.receiverId()), or(g.senderCode(), in.senderId()), CCYYMMDD.format(now),
                    HHMM.format(now), or(g.controlNumber(), "1"), "005010X231A1");
            out.startTransaction("999", "0001", "005010X231A1");
            out.segment("AK1", or(g.functionalId(), "HC"), or(g.controlNumber(), "1"), g.version());
            for (TransactionSet t : g.transactions()) {
                out.segment("AK2", or(t.type(), "837"), or(t.controlNumber(), "0000"), t.implementation());
                List<String> codes = new ArrayList<>(1);
                for (X12Error e : t.errors()) {
                    switch (e.level()) {
                        case SEGMENT -> out.segment("IK3", e.segmentTag(), Integer.toString(e.segmentPosition()), null, e.code());
                        case ELEMENT -> {
                            out.segment("IK3", e.segmentTag(), Integer.toString(e.segmentPosition()), null, "8");
                            String[] position = e.component() > 0
                                    ? new String[] {Integer.toString(e.element()), Integer.toString(e.component())}
                                    : new String[] {Integer.toString(e.element())};
                            out.segment("IK4", position, null, e.code(), e.badData() == null ? null : clean(e.badData()));
                        }
                        default -> {
                            if (!codes.contains(e.code()) && codes.size() < 5) {
                                codes.add(e.code());
                            }
                        }
                    }
                }
                if (t.errors().stream().anyMatch(e -> e.level() == X12Error.Level.SEGMENT || e.level() == X12Error.Level.ELEMENT)
                        && codes.size() < 5) {
                    codes.add(0, "5");
                }
                List<Object> ik5 = new ArrayList<>();
                ik5.add(t.accepted() ? "A" : "R");
                ik5.addAll(codes);
                out.segment("IK5", ik5.toArray());
            }
            long accepted = g.acceptedTransactions();
            String status = g.accepted() ? "A" : accepted > 0 && g.errors().isEmpty() ? "P" : "R";
            List<Object> ak9 = new ArrayList<>(List.of(status, Integer.toString(g.transactions().size()),
                    Integer.toString(g.transactions().size()), Long.toString(g.errors().isEmpty() ? accepted : 0)));
            g.errors().stream().map(X12Error::code).distinct().limit(5).forEach(ak9::add);
            out.segment("AK9", ak9.toArray());
            out.endTransaction();
            out.endGroup();
        }
        out.endInterchange();
        out.close();
        return bytes.toByteArray();
    }

    /**
     * The 277CA for an accepted interchange: per 837 transaction set one 277 transaction set (BHT03 = the 837's ST02,
     * 2200A TRN02 = its ISA13), per claim a 2000D loop with TRN*2 = CLM01, the STC codes of its decision, REF*1K = the
     * claim id and the dates of service, and per line named by a DENY or REVIEW finding a 2220D loop (SVC, its STC codes,
     * REF*FJ, DTP*472). {@code decisions} gives the decision of an event id (null for none).
     */
    public static byte[] claimAck(Interchange in, Function<String, Decision> decisions, Instant now) {
        if (!in.accepted()) {
            throw new IllegalArgumentException("a rejected interchange gets a 999 only");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        X12Output out = new X12Output(bytes);
        start(out, in, now);
        String date = CCYYMMDD.format(now);
        for (FunctionalGroup g : in.groups()) {
            out.startGroup("HN", or(g.receiverCode(), in.receiverId()), or(g.senderCode(), in.senderId()), date, HHMM.format(now),
                    or(g.controlNumber(), "1"), "005010X214");
            int n = 0;
            for (TransactionSet t : g.transactions()) {
                transaction(out, in, t, String.format("%04d", ++n), decisions, date, HHMM.format(now));
            }
            out.endGroup();
        }
        out.endInterchange();
        out.close();
        return bytes.toByteArray();
    }

    private static void transaction(X12Output out, Interchange in, TransactionSet t, String st, Function<String, Decision> decisions,
                                    String date, String time) {
        out.startTransaction("277", st, "005010X214");
        out.segment("BHT", "0085", "08", t.controlNumber(), date, time, "TH");
        out.segment("HL", "1", null, "20", "1");
        out.segment("NM1", "PR", "2", "CLAIM SCRUBBER", null, null, null, null, "46", or(in.receiverId(), "CLAIMSCRUBBER"));
        out.segment("TRN", "1", in.controlNumber());
        out.segment("DTP", "050", "D8", date);
        out.segment("DTP", "009", "D8", date);
        out.segment("HL", "2", "1", "21", "1");
        out.segment("NM1", "41", "2", "SUBMITTER", null, null, null, null, "46", or(in.senderId(), "UNKNOWN"));
        out.segment("TRN", "2", t.controlNumber());
        BigDecimal acceptedAmount = BigDecimal.ZERO;
        BigDecimal rejectedAmount = BigDecimal.ZERO;
        int accepted = 0;
        Map<String, List<MappedClaim>> byProvider = new LinkedHashMap<>();
        for (MappedClaim c : t.claims()) {
            byProvider.computeIfAbsent(c.event().getBillingProviderNpi(), k -> new ArrayList<>()).add(c);
            if (ClaimStatus.accepted(decisions.apply(c.event().getEventId()))) {
                accepted++;
                acceptedAmount = acceptedAmount.add(charge(c.event()));
            } else {
                rejectedAmount = rejectedAmount.add(charge(c.event()));
            }
        }
        out.segment("STC", new String[] {"A1", "19", "PR"}, date, "WQ", acceptedAmount.add(rejectedAmount).toPlainString());
        if (accepted > 0) {
            out.segment("QTY", "90", Integer.toString(accepted));
        }
        if (accepted < t.claims().size()) {
            out.segment("QTY", "AA", Integer.toString(t.claims().size() - accepted));
        }
        out.segment("AMT", "YU", acceptedAmount.toPlainString());
        out.segment("AMT", "YY", rejectedAmount.toPlainString());
        int hl = 2;
        for (Map.Entry<String, List<MappedClaim>> provider : byProvider.entrySet()) {
            int providerHl = ++hl;
            out.segment("HL", Integer.toString(providerHl), "2", "19", "1");
            boolean npi = provider.getKey() != null && !provider.getKey().isBlank();
            out.segment("NM1", "85", "2", "BILLING PROVIDER", null, null, null, null, npi ? "XX" : null, npi ? clean(provider.getKey()) : null);
            out.segment("TRN", "1", "0");
            for (MappedClaim c : provider.getValue()) {
                out.segment("HL", Integer.toString(++hl), Integer.toString(providerHl), "PT");
                claim(out, c, decisions.apply(c.event().getEventId()), date);
            }
        }
        out.endTransaction();
    }

    private static void claim(X12Output out, MappedClaim c, Decision d, String date) {
        ClaimSubmitted e = c.event();
        boolean member = e.getMemberId() != null && !e.getMemberId().isBlank();
        out.segment("NM1", "QC", "1", "PATIENT", null, null, null, null, member ? "MI" : null, member ? clean(e.getMemberId()) : null);
        out.segment("TRN", "2", clean(or(c.patientControlNumber(), e.getClaimId())));
        String action = ClaimStatus.accepted(d) ? "WQ" : "U";
        for (ClaimStatus.Code code : ClaimStatus.of(d)) { // X214 2200D: every STC carries date, action code and charge
            out.segment("STC", code.composite(), date, action, charge(e).toPlainString());
        }
        if (!e.getClaimId().isBlank()) {
            out.segment("REF", "1K", clean(e.getClaimId()));
        }
        String from = null;
        String to = null;
        for (ClaimLine l : e.getLines()) {
            String s = l.getServiceDate().replace("-", "");
            if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
                from = from == null || s.compareTo(from) < 0 ? s : from;
                to = to == null || s.compareTo(to) > 0 ? s : to;
            }
        }
        if (from != null) {
            out.segment("DTP", "472", "RD8", from + "-" + to);
        }
        List<ClaimLine> lines = e.getLines();
        for (int i = 0; i < lines.size(); i++) {
            List<ClaimStatus.Code> codes = ClaimStatus.ofLine(d, lines.get(i).getLineNumber());
            if (!codes.isEmpty()) {
                serviceLine(out, lines.get(i), c.lineControlNumber(i), codes, date);
            }
        }
    }

    /** Loop 2220D: SVC (procedure, modifiers, charge, units), an STC per code, REF*FJ = the 837's REF*6R, DTP*472. */
    private static void serviceLine(X12Output out, ClaimLine l, String controlNumber, List<ClaimStatus.Code> codes, String date) {
        List<String> procedure = new ArrayList<>(6);
        procedure.add("HC");
        procedure.add(clean(l.getProcedureCode()));
        for (String m : l.getModifiers()) {
            procedure.add(clean(m));
        }
        String charge = l.getChargeAmount() == null ? "0" : clean(l.getChargeAmount());
        String units = l.getUnits() > 0 ? Integer.toString(l.getUnits()) : null;
        out.segment("SVC", procedure.toArray(String[]::new), charge, null, null, null, null, units);
        for (ClaimStatus.Code code : codes) {
            out.segment("STC", code.composite(), date);
        }
        if (controlNumber != null && !controlNumber.isBlank()) {
            out.segment("REF", "FJ", clean(controlNumber));
        }
        String s = l.getServiceDate().replace("-", "");
        if (s.length() == 8 && s.chars().allMatch(Character::isDigit)) {
            out.segment("DTP", "472", "D8", s);
        }
    }

    private static void start(X12Output out, Interchange in, Instant now) {
        out.startInterchange(or(in.receiverQualifier(), "ZZ"), or(in.receiverId(), "CLAIMSCRUBBER"), or(in.senderQualifier(), "ZZ"),
                or(in.senderId(), "UNKNOWN"), YYMMDD.format(now), HHMM.format(now), numeric(in.controlNumber()), or(in.usage(), "P"));
    }

    private static BigDecimal charge(ClaimSubmitted e) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ClaimLine l : e.getLines()) {
            try {
                sum = sum.add(l.getChargeAmount() == null ? BigDecimal.ZERO : new BigDecimal(l.getChargeAmount()));
            } catch (NumberFormatException ex) {
                // an unreadable charge counts as none; the engine reports it
            }
        }
        return sum;
    }

    private static String numeric(String control) {
        return control != null && !control.isEmpty() && control.chars().allMatch(Character::isDigit) && control.length() <= 9 ? control : "0";
    }

    /** A value without the delimiters of our own output (X12 has no escape). */
    private static String clean(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            s.append(ch == '*' || ch == '~' || ch == ':' || ch == '^' || ch < 0x20 || ch > 0x7e ? ' ' : ch);
        }
        String v = s.toString().strip();
        return v.isEmpty() ? "?" : v;
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
