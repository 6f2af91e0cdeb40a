package org.claimscrubber.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.Scrubber;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.stream.AvroMapping;
import org.junit.jupiter.api.Test;

/** 999 and 277CA: what they say about an interchange, and that StAEDI reads what claim-scrubber writes. */
class AcknowledgementsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static Map<String, Decision> judge(Interchange i) {
        Scrubber engine = Scrubber.sample();
        Map<String, Decision> decisions = new HashMap<>();
        for (MappedClaim c : i.claims()) {
            Decision d = engine.judge(AvroMapping.claim(c.event()));
            decisions.put(d.eventId(), d);
        }
        return decisions;
    }

    @Test
    void the277caReadsBackWithoutErrorsWithOneClaimLoopPerClaimAndTheControlNumbersOfThe837() throws Exception {
        Interchange in = X12Files.only("several-providers.837");
        X12Segments ack = X12Segments.read(Acknowledgements.claimAck(in, judge(in)::get, NOW));

        assertEquals(List.of(), ack.errors());
        assertEquals(in.controlNumber(), X12Segments.element(ack.withTag("ISA").get(0), 13));
        assertEquals("SUBMITTER01", X12Segments.element(ack.withTag("ISA").get(0), 8).strip(), "sent back to the 837's sender");
        assertEquals(List.of("0001", "0002"), ack.withTag("BHT").stream().map(s -> X12Segments.element(s, 3)).toList());
        assertEquals(in.claims().size(), ack.withTag("HL").stream().filter(s -> s.endsWith("*PT")).count());
        assertEquals(List.of("C-MULTI-1", "C-MULTI-2", "C-MULTI-3", "C-MULTI-4"),
                ack.withTag("TRN").stream().filter(s -> s.startsWith("TRN*2*C-")).map(s -> X12Segments.element(s, 2)).toList());
        assertEquals(List.of("C-MULTI-1", "C-MULTI-2", "C-MULTI-3", "C-MULTI-4"),
                ack.withTag("REF").stream().map(s -> X12Segments.element(s, 2)).toList());
        assertEquals(4, ack.withTag("STC").stream().filter(s -> s.startsWith("STC*A2:20*")).count(), ack.segments().toString());
        assertEquals(List.of(), ack.withTag("SVC"), "no line-level finding, no 2220D service line loop");
    }

    @Test
    void linesWithLineLevelFindingsGetA2220dLoopWithTheirServiceStatusControlNumberAndDate() throws Exception {
        Interchange in = X12Files.only("line-findings.837");
        MappedClaim claim = in.claims().get(0);
        Decision d = new Decision("C-LINES-1", claim.event().getEventId(), "MBR0000009", org.claimscrubber.decision.Disposition.FLAGGED, List.of(
                new org.claimscrubber.decision.Finding("NCCI_PTP", org.claimscrubber.decision.Severity.DENY, List.of(2), List.of(1), List.of(),
                        null, "m", "r"),
                new org.claimscrubber.decision.Finding("MUE", org.claimscrubber.decision.Severity.REVIEW, List.of(3), List.of(), List.of(),
                        null, "m", "r"),
                new org.claimscrubber.decision.Finding("TIMELY_FILING", org.claimscrubber.decision.Severity.INFO, List.of(1), List.of(), List.of(),
                        null, "m", "r")),
                List.of(), Map.of(), NOW);
        X12Segments ack = X12Segments.read(Acknowledgements.claimAck(in, Map.of(d.eventId(), d)::get, NOW));

        assertEquals(List.of(), ack.errors(), "StAEDI reads the 277CA with its 2220D loops back without errors");
        List<String> segments = ack.segments();
        int claimDate = segments.indexOf("DTP*472*RD8*20260302-20260303");
        assertEquals(List.of(
                "SVC*HC:20610:RT:59*175*****1", "STC*A3:454*20261203", "REF*FJ*LINE-B", "DTP*472*D8*20260302",
                "SVC*HC:36415*12*****2", "STC*A2:20*20261203", "STC*A1:454*20261203", "DTP*472*D8*20260303",
                "SE*" + (segments.indexOf("DTP*472*D8*20260303") - segments.indexOf("ST*277*0001*005010X214") + 2) + "*0001"),
                segments.subList(claimDate + 1, Math.min(segments.size(), claimDate + 10)),
                "after the claim's 2200D, one 2220D per line with a DENY or REVIEW finding (none for line 1: INFO only), in line order");
        int trn = segments.indexOf("TRN*2*C-LINES-1");
        assertEquals(List.of("STC*A3:454*20261203*U*307", "STC*A1:454*20261203*U*307", "REF*1K*C-LINES-1"), segments.subList(trn + 1, trn + 4),
                "every claim-level STC (2200D) is one composite with its date, action code and total charge");
        assertEquals(1, ack.withTag("HL").stream().filter(t -> t.endsWith("*PT")).count());
    }

    @Test
    void aClaimTheEngineFindsUnusableIsRejectedForInvalidInformationWithTheBestMatchingStatus() throws Exception {
        Interchange in = X12Files.only("incomplete-claims.837");
        X12Segments ack = X12Segments.read(Acknowledgements.claimAck(in, judge(in)::get, NOW));

        assertEquals(List.of(), ack.errors());
        List<String> claimStatus = ack.withTag("STC").stream().skip(1).toList();
        assertEquals(List.of("STC*A7:164:IL*20261203*U*120", "STC*A7:164:IL*20261203*U*0"), claimStatus,
                "both claims lack the subscriber's member id: status 164 (contract/member number), entity IL");
        assertTrue(ack.withTag("QTY").contains("QTY*AA*2"));
    }

    @Test
    void denialsAreReturnedReviewsAreInformationalAndVoidsAreAccepted() {
        Decision deny = new Decision("C1", "E1", "M1", org.claimscrubber.decision.Disposition.FLAGGED, List.of(
                finding("NCCI_PTP", org.claimscrubber.decision.Severity.DENY), finding("MODIFIER_INVALID", org.claimscrubber.decision.Severity.DENY)),
                List.of(), Map.of(), NOW);
        Decision review = new Decision("C2", "E2", "M1", org.claimscrubber.decision.Disposition.FLAGGED, List.of(
                finding("STATUS_NOT_PAYABLE", org.claimscrubber.decision.Severity.REVIEW)), List.of(), Map.of(), NOW);
        Decision voided = new Decision("C3", "E3", "M1", org.claimscrubber.decision.Disposition.VOIDED, List.of(), List.of(), Map.of(), NOW);

        assertEquals(List.of("A3:454", "A3:453"), ClaimStatus.of(deny).stream().map(c -> String.join(":", c.composite())).toList());
        assertEquals(List.of("A2:20", "A1:454"), ClaimStatus.of(review).stream().map(c -> String.join(":", c.composite())).toList());
        assertEquals(List.of("A2:20"), ClaimStatus.of(voided).stream().map(c -> String.join(":", c.composite())).toList());
        assertEquals(List.of("A1:19"), ClaimStatus.of(null).stream().map(c -> String.join(":", c.composite())).toList());
    }

    private static org.claimscrubber.decision.Finding finding(String edit, org.claimscrubber.decision.Severity severity) {
        return new org.claimscrubber.decision.Finding(edit, severity, List.of(1), List.of(), List.of(), null, "m", "r", null);
    }

    @Test
    void anAcceptedInterchangeGetsA999AcceptingEveryTransactionSet() throws Exception {
        X12Segments ack = X12Segments.read(Acknowledgements.implementationAck(X12Files.only("several-providers.837"), NOW));

        assertEquals(List.of(), ack.errors());
        assertEquals(List.of("AK1*HC*1*005010X222A1"), ack.withTag("AK1"));
        assertEquals(List.of("AK2*837*0001*005010X222A1", "AK2*837*0002*005010X222A1"), ack.withTag("AK2"));
        assertEquals(List.of("IK5*A", "IK5*A"), ack.withTag("IK5"));
        assertEquals(List.of("AK9*A*2*2*2"), ack.withTag("AK9"));
        assertEquals(List.of(), ack.withTag("TA1"));
    }

    @Test
    void aRejectedTransactionSetIsNamedWithItsSegmentAndElementErrors() throws Exception {
        X12Segments ack = X12Segments.read(Acknowledgements.implementationAck(X12Files.only("bad-service-line.837"), NOW));

        assertEquals(List.of(), ack.errors());
        assertEquals(List.of("IK3*SV1*25**8", "IK3*SV1*25**8", "IK3*SV1*25**8"), ack.withTag("IK3"));
        assertEquals(List.of("IK4*1:1**7*IV", "IK4*4**6*1.5", "IK4*7:2**6*A"), ack.withTag("IK4"));
        assertEquals(List.of("IK5*R*5"), ack.withTag("IK5"));
        assertEquals(List.of("AK9*R*1*1*0"), ack.withTag("AK9"));
    }

    @Test
    void envelopeCountErrorsAreReportedAtTheirLevel() throws Exception {
        assertEquals(List.of("IK5*R*4"), X12Segments.read(Acknowledgements.implementationAck(X12Files.only("wrong-se-count.837"), NOW))
                .withTag("IK5"));
        assertEquals(List.of("AK9*R*1*1*0*4"), X12Segments.read(Acknowledgements.implementationAck(X12Files.only("wrong-ge-control.837"), NOW))
                .withTag("AK9"));
        X12Segments iea = X12Segments.read(Acknowledgements.implementationAck(X12Files.only("wrong-iea-count.837"), NOW));
        assertEquals(List.of("TA1*000000110*261001*1200*R*021"), iea.withTag("TA1"));
        assertEquals(List.of(), iea.errors());
    }
}
