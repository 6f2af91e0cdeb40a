package org.claimscrubber.x12;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;

/**
 * Writes claim events as 837P (005010X222A1) with StAEDI's writer, one claim per transaction set and at most
 * {@code claimsPerInterchange} per interchange, so that {@link X12Reader} gives every claim back with the same
 * values. An event id seen again (a redelivery) is written as a resend: an interchange of its own with the original's
 * ISA13, GS06 and ST02, so the reader derives the same event id. Events X12 cannot carry are skipped (see
 * {@link #inexpressible}).
 */
public final class ClaimX12Writer implements AutoCloseable {
    /** How many recent event ids are remembered for redeliveries. */
    private static final int REMEMBERED = 4096;
    private static final String DATE = "261003";
    private static final String GS_DATE = "20261003";
    private static final String TIME = "1200";

    private final X12Output out;
    private final ByteArrayOutputStream buffer;
    private final Consumer<byte[]> interchanges;
    private final int claimsPerInterchange;
    private final String sender;
    private final Map<String, Written> written = new LinkedHashMap<>(REMEMBERED * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
            return size() > REMEMBERED;
        }
    };
    private long nextControl = 1;
    private long openControl;
    private int inOpen;
    private long skipped;

    /** Where a claim was written: a redelivery is written there again. */
    private record Written(long control, String transaction) {
    }

    public ClaimX12Writer(OutputStream stream, int claimsPerInterchange, String sender) {
        this(stream, null, claimsPerInterchange, sender);
    }

    /** Hands each interchange's bytes to {@code interchanges} as soon as its IEA is written (one Kafka record each). */
    public ClaimX12Writer(Consumer<byte[]> interchanges, int claimsPerInterchange, String sender) {
        this(null, interchanges, claimsPerInterchange, sender);
    }

    private ClaimX12Writer(OutputStream stream, Consumer<byte[]> interchanges, int claimsPerInterchange, String sender) {
        if (claimsPerInterchange < 1 || claimsPerInterchange > 9999) {
            throw new IllegalArgumentException("claims per interchange must be 1 to 9999");
        }
        this.buffer = stream == null ? new ByteArrayOutputStream(1 << 16) : null;
        this.interchanges = interchanges;
        this.out = new X12Output(stream == null ? buffer : stream);
        this.claimsPerInterchange = claimsPerInterchange;
        this.sender = sender;
    }

    /** Writes the claim; false (and nothing written) when X12 cannot carry it. */
    public boolean write(ClaimSubmitted claim) {
        if (inexpressible(claim) != null) {
            skipped++;
            return false;
        }
        Written before = written.get(claim.getEventId());
        if (before != null) {
            closeOpen();
            open(before.control());
            transaction(before.transaction(), claim);
            closeOpen();
            return true;
        }
        if (inOpen == 0) {
            open(nextControl++);
        }
        String st = String.format("%04d", inOpen + 1);
        transaction(st, claim);
        written.put(claim.getEventId(), new Written(openControl, st));
        if (inOpen == claimsPerInterchange) {
            closeOpen();
        }
        return true;
    }

    /** Claims not written because X12 cannot carry them. */
    public long skipped() {
        return skipped;
    }

    /** Why X12 cannot carry the claim, or null when it can. */
    public static String inexpressible(ClaimSubmitted c) {
        for (ClaimLine l : c.getLines()) {
            if (l.getModifiers().size() > 4) {
                return "line " + l.getLineNumber() + " has more than 4 modifiers (SV101 holds 4)";
            }
        }
        if (c.getSubmittedAt() != null && !c.getSubmittedAt().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
            return "submittedAt is not a whole-second UTC time (BHT04/05)";
        }
        List<String> values = new ArrayList<>(List.of(c.getClaimId(), c.getMemberId(), c.getBillingProviderNpi()));
        values.addAll(c.getDiagnoses());
        for (ClaimLine l : c.getLines()) {
            values.add(l.getProcedureCode());
            values.add(l.getServiceDate());
            values.addAll(l.getModifiers());
        }
        for (String v : values) {
            if (v != null && (v.indexOf('*') >= 0 || v.indexOf('~') >= 0 || v.indexOf(':') >= 0 || v.indexOf('^') >= 0
                    || v.chars().anyMatch(ch -> ch < 0x20 || ch > 0x7e))) {
                return "a value holds an X12 delimiter or a character outside printable ASCII";
            }
        }
        return null;
    }

    private void open(long control) {
        openControl = control;
        inOpen = 0;
        String number = Long.toString(control);
        out.startInterchange("ZZ", sender, "ZZ", "CLAIMSCRUBBER", DATE, TIME, number, "P");
        out.startGroup("HC", sender, "CLAIMSCRUBBER", GS_DATE, TIME, number, "005010X222A1");
    }

    private void closeOpen() {
        if (openControl == 0) {
            return;
        }
        out.endGroup();
        out.endInterchange();
        openControl = 0;
        inOpen = 0;
        if (buffer != null) {
            out.flush();
            interchanges.accept(buffer.toByteArray());
            buffer.reset();
        }
    }

    private void transaction(String st, ClaimSubmitted c) {
        inOpen++;
        String submitted = c.getSubmittedAt();
        String bhtDate = submitted == null ? null : submitted.substring(0, 10).replace("-", "");
        String bhtTime = submitted == null ? null : submitted.substring(11, 19).replace(":", "");
        out.startTransaction("837", st, "005010X222A1");
        out.segment("BHT", "0019", "00", st, bhtDate, bhtTime, "CH");
        out.segment("NM1", "41", "2", "SUBMITTER", null, null, null, null, "46", sender);
        out.segment("PER", "IC", "EDI", "TE", "5555550100");
        out.segment("NM1", "40", "2", "CLAIM SCRUBBER", null, null, null, null, "46", "CLAIMSCRUBBER");
        out.segment("HL", "1", null, "20", "1");
        out.segment("NM1", "85", "2", "BILLING PROVIDER", null, null, null, null, id("XX", c.getBillingProviderNpi()),
                blankToNull(c.getBillingProviderNpi()));
        out.segment("N3", "1 PROVIDER WAY");
        out.segment("N4", "SPRINGFIELD", "IL", c.getBillingProviderZip());
        out.segment("HL", "2", "1", "22", "0");
        out.segment("SBR", "P", "18", null, null, null, null, null, null, "MB");
        out.segment("NM1", "IL", "1", "SUBSCRIBER", "A", null, null, null, id("MI", c.getMemberId()), blankToNull(c.getMemberId()));
        out.segment("NM1", "PR", "2", "PAYER", null, null, null, null, id("PI", c.getPayerId()), blankToNull(c.getPayerId()));
        String frequency = switch (c.getFrequency()) {
            case ORIGINAL -> "1";
            case REPLACEMENT -> "7";
            case VOID -> "8";
        };
        out.segment("CLM", c.getClaimId(), total(c), null, null, new String[] {c.getPlaceOfService(), "B", frequency}, "Y", "A", "Y", "Y");
        if (c.getOriginalClaimId() != null) {
            out.segment("REF", "F8", c.getOriginalClaimId());
        }
        diagnoses(c.getDiagnoses());
        String rendering = c.getRenderingProviderNpi();
        if (rendering != null && !rendering.equals(c.getBillingProviderNpi())) {
            out.segment("NM1", "82", "1", "RENDERING", "A", null, null, null, "XX", rendering);
        }
        if (c.getServiceFacilityZip() != null) {
            out.segment("NM1", "77", "2", "SERVICE FACILITY");
            out.segment("N3", "1 FACILITY WAY");
            out.segment("N4", "SPRINGFIELD", "IL", c.getServiceFacilityZip());
        }
        for (ClaimLine l : c.getLines()) {
            line(l);
        }
        out.endTransaction();
    }

    private void diagnoses(List<String> diagnoses) {
        for (int from = 0; from < diagnoses.size(); from += 12) {
            List<String[]> composites = new ArrayList<>();
            for (int i = from; i < Math.min(diagnoses.size(), from + 12); i++) {
                composites.add(new String[] {i == 0 ? "ABK" : "ABF", diagnoses.get(i).strip().replace(".", "")});
            }
            out.segment("HI", composites.toArray());
        }
    }

    private void line(ClaimLine l) {
        out.segment("LX", Integer.toString(l.getLineNumber()));
        String[] procedure = new String[2 + l.getModifiers().size()];
        procedure[0] = "HC";
        procedure[1] = l.getProcedureCode();
        for (int i = 0; i < l.getModifiers().size(); i++) {
            procedure[2 + i] = l.getModifiers().get(i);
        }
        String[] pointers = l.getDiagnosisPointers().stream().map(String::valueOf).toArray(String[]::new);
        out.segment("SV1", procedure, l.getChargeAmount() == null ? "0" : l.getChargeAmount(), "UN", Integer.toString(l.getUnits()),
                l.getPlaceOfService(), null, pointers.length == 0 ? null : pointers);
        String date = l.getServiceDate();
        out.segment("DTP", "472", "D8", date.length() == 10 && date.charAt(4) == '-' && date.charAt(7) == '-' ? date.replace("-", "") : date);
        if (l.getRenderingProviderNpi() != null) {
            out.segment("NM1", "82", "1", "RENDERING", "A", null, null, null, "XX", l.getRenderingProviderNpi());
        }
    }

    private static String total(ClaimSubmitted c) {
        BigDecimal sum = BigDecimal.ZERO;
        for (ClaimLine l : c.getLines()) {
            try {
                sum = sum.add(l.getChargeAmount() == null ? BigDecimal.ZERO : new BigDecimal(l.getChargeAmount()));
            } catch (NumberFormatException e) {
                return "0";
            }
        }
        return sum.toPlainString();
    }

    private static String id(String qualifier, String value) {
        return blankToNull(value) == null ? null : qualifier;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        closeOpen();
        out.close();
    }
}
