package org.claimscrubber.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.avro.ClaimFrequency;
import org.claimscrubber.avro.ClaimLine;
import org.claimscrubber.avro.ClaimSubmitted;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.stream.AvroMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading 837P interchanges: the mapping onto ClaimSubmitted, the envelope checks, and bytes that are not X12. */
class X12ReaderTest {

    @Test
    void mapsEachFrequencyCodeAndTheOriginalClaimOfReplacementsAndVoids() {
        List<ClaimSubmitted> claims = X12Files.events("frequencies.837");

        assertEquals(List.of(ClaimFrequency.ORIGINAL, ClaimFrequency.REPLACEMENT, ClaimFrequency.VOID),
                claims.stream().map(ClaimSubmitted::getFrequency).toList());
        assertEquals(List.of("C-FREQ-1", "C-FREQ-7", "C-FREQ-8"), claims.stream().map(ClaimSubmitted::getClaimId).toList());
        assertNull(claims.get(0).getOriginalClaimId());
        assertEquals("C-FREQ-1", claims.get(1).getOriginalClaimId());
        assertEquals("C-FREQ-7", claims.get(2).getOriginalClaimId());
    }

    @Test
    void mapsProvidersFacilityZipLinePlaceOfServiceModifiersPointersAndTheFirstDateOfARange() {
        ClaimSubmitted c = X12Files.events("line-rendering.837").get(0);

        assertEquals("C-RENDER-1", c.getClaimId(), "REF*D9 is the claim id when present");
        assertEquals("MBR0000002", c.getMemberId());
        assertEquals("1003000126", c.getBillingProviderNpi());
        assertEquals("1003001116", c.getRenderingProviderNpi());
        assertEquals("24", c.getPlaceOfService());
        assertEquals("627011234", c.getBillingProviderZip(), "2010AA N403, not the pay-to address");
        assertEquals("627040001", c.getServiceFacilityZip());
        assertEquals("MEDICARE01", c.getPayerId());
        assertEquals("2026-10-01T12:00:00Z", c.getSubmittedAt());
        assertEquals(List.of("M5416", "M48062"), c.getDiagnoses());
        ClaimLine first = c.getLines().get(0);
        ClaimLine second = c.getLines().get(1);
        assertEquals(List.of(1, 2), List.of(first.getLineNumber(), second.getLineNumber()));
        assertEquals("64483", first.getProcedureCode());
        assertEquals(List.of("50"), first.getModifiers());
        assertNull(first.getRenderingProviderNpi());
        assertNull(first.getPlaceOfService());
        assertEquals("2026-03-02", first.getServiceDate());
        assertEquals(List.of(1, 2), first.getDiagnosisPointers());
        assertEquals("950", first.getChargeAmount());
        assertEquals(List.of("RT", "XS", "59", "GA"), second.getModifiers());
        assertEquals(2, second.getUnits());
        assertEquals("22", second.getPlaceOfService());
        assertEquals("1234567893", second.getRenderingProviderNpi(), "2420A overrides the claim's rendering provider");
        assertEquals("2026-03-02", second.getServiceDate(), "RD8: the first date of the range");
        assertEquals(List.of(2, 1), second.getDiagnosisPointers());
    }

    /** Only the bytes are judged: what the consumer throws and a stream that fails are not "not readable as X12". */
    @Test
    void theConsumersFailureAndAFailingStreamAreNotBadX12() {
        IllegalStateException refused = new IllegalStateException("the cluster refused the send");
        byte[] bytes = X12Files.bytes("frequencies.837");

        assertTrue(refused == assertThrows(IllegalStateException.class,
                () -> X12Reader.read(new java.io.ByteArrayInputStream(bytes), i -> {
                    throw refused;
                })));
        java.io.InputStream failing = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(bytes, 0, 200), new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("the share went away");
            }
        });
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, () -> X12Reader.read(failing, i -> { }));
        assertEquals("the share went away", e.getCause().getMessage());
    }

    /** Bytes the parser cannot decode (Latin-1, gzip, 0xFF) are bad X12, which the intake dead-letters, not an I/O failure. */
    @Test
    void bytesThatAreNotUtf8AreNotReadableX12() {
        byte[] latin1 = new String(X12Files.bytes("frequencies.837"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceFirst("NM1\\*IL\\*1\\*[A-Z]+", "NM1*IL*1*DO\u00c9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
        byte[] ff = {(byte) 0xff, 'I', 'S', 'A'};

        for (byte[] bytes : List.of(latin1, gzip, ff)) {
            assertThrows(X12Exception.class, () -> X12Reader.read(bytes));
        }
    }

    @Test
    void readsTwelveDiagnosesAcrossTwoHiSegmentsInOrder() {
        ClaimSubmitted c = X12Files.events("twelve-diagnoses.837").get(0);

        assertEquals(12, c.getDiagnoses().size());
        assertEquals("M5416", c.getDiagnoses().get(0));
        assertEquals("M5413", c.getDiagnoses().get(11));
        assertEquals(List.of(1, 5, 9, 12), c.getLines().get(0).getDiagnosisPointers());
    }

    @Test
    void mapsEveryClaimOfSeveralProvidersSubscribersAndTransactionSetsIgnoringOtherSubscriberLoops() {
        Interchange i = X12Files.only("several-providers.837");
        List<ClaimSubmitted> claims = i.claims().stream().map(MappedClaim::event).toList();

        assertTrue(i.accepted());
        assertEquals(2, i.groups().get(0).transactions().size());
        assertEquals(List.of("C-MULTI-1", "C-MULTI-2", "C-MULTI-3", "C-MULTI-4"), claims.stream().map(ClaimSubmitted::getClaimId).toList());
        assertEquals(List.of("MBR0000004", "MBR0000005", "MBR0000006", "MBR0000007"), claims.stream().map(ClaimSubmitted::getMemberId).toList(),
                "the subscriber's id, also for a dependent patient; never the 2330A other subscriber's");
        assertEquals(List.of("PAYERA", "PAYERB", "PAYERA", "MEDICARE01"), claims.stream().map(ClaimSubmitted::getPayerId).toList());
        assertEquals(List.of("1003000126", "1003000126", "1003001116", "1234567893"),
                claims.stream().map(ClaimSubmitted::getBillingProviderNpi).toList());
        assertNull(claims.get(0).getOriginalClaimId(), "REF*F8 of a 2330B other payer is not the claim's original");
        assertEquals(2, claims.get(1).getLines().size());
        assertEquals(List.of("x12:SUBMITTER01:000000104:1:0001:1", "x12:SUBMITTER01:000000104:1:0001:2",
                "x12:SUBMITTER01:000000104:1:0001:3", "x12:SUBMITTER01:000000104:1:0002:1"),
                claims.stream().map(ClaimSubmitted::getEventId).toList());
    }

    @Test
    void theSameBytesGiveTheSameEventIdsSoAResentFileIsARedelivery() {
        assertEquals(X12Files.events("several-providers.837"), X12Files.events("several-providers.837"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"endings-crlf.837", "endings-lf.837"})
    void readsTheSameClaimsWhateverTheSegmentsEndWith(String file) {
        assertEquals(X12Files.events("endings-tilde.837"), X12Files.events(file));
        assertTrue(X12Files.only(file).accepted());
    }

    @ParameterizedTest
    @CsvSource({
        "wrong-se-count.837, TRANSACTION, 4, SE, 1",
        "wrong-se-control.837, TRANSACTION, 3, SE, 2",
        "wrong-ge-count.837, GROUP, 5, GE, 1",
        "wrong-ge-control.837, GROUP, 4, GE, 2",
        "wrong-iea-count.837, INTERCHANGE, 021, IEA, 1",
        "wrong-iea-control.837, INTERCHANGE, 001, IEA, 2",
    })
    void rejectsAnInterchangeWhoseCountsOrControlNumbersDoNotMatch(String file, X12Error.Level level, String code, String tag, int element) {
        Interchange i = X12Files.only(file);

        assertFalse(i.accepted());
        assertEquals(1, i.allErrors().size(), i.allErrors().toString());
        X12Error e = i.allErrors().get(0);
        assertEquals(List.of(level, code, tag, element), List.of(e.level(), e.code(), e.segmentTag(), e.element()));
    }

    @Test
    void aWrongSegmentCountIsReportedAtTheTrailerPositionInTheTransactionSet() {
        TransactionSet t = X12Files.only("wrong-se-count.837").groups().get(0).transactions().get(0);

        assertEquals(t.segmentCount(), t.errors().get(0).segmentPosition());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-x12.txt", "not-x12-binary.bin", "truncated.837"})
    void bytesThatAreNotAWholeInterchangeAreRefused(String file) {
        X12Exception e = assertThrows(X12Exception.class, () -> X12Reader.read(X12Files.bytes(file)));
        assertTrue(e.getMessage().startsWith("not readable as X12"), e.getMessage());
    }

    @Test
    void aTruncatedInterchangeNamesTheLastSegmentRead() {
        X12Exception e = assertThrows(X12Exception.class, () -> X12Reader.read(X12Files.bytes("truncated.837")));
        assertEquals(28, e.segmentPosition());
    }

    @Test
    void rejectsAFrequencyCodeOtherThan1Or7Or8() {
        X12Error e = X12Files.only("frequency-6.837").allErrors().get(0);

        assertEquals(List.of(X12Error.Level.ELEMENT, "7", "CLM", 5, 3, "6"),
                List.of(e.level(), e.code(), e.segmentTag(), e.element(), e.component(), e.badData()));
    }

    @Test
    void rejectsAServiceLineWhoseQualifierUnitsOrPointersTheSchemaCannotCarry() {
        List<X12Error> errors = X12Files.only("bad-service-line.837").allErrors();

        assertEquals(List.of("SV101-1 7", "SV104 6", "SV107-2 6"),
                errors.stream().map(e -> e.segmentTag() + String.format("%02d", e.element())
                        + (e.component() > 0 ? "-" + e.component() : "") + " " + e.code()).toList());
    }

    @Test
    void rejectsATransactionSetThatIsNotAn837() {
        X12Error e = X12Files.only("not-837.x12").allErrors().get(0);

        assertEquals(List.of(X12Error.Level.TRANSACTION, "1"), List.of(e.level(), e.code()));
    }

    @Test
    void keepsClaimsThatLackWhatTheEngineNeedsSoThatTheEngineFlagsThem() {
        Interchange i = X12Files.only("incomplete-claims.837");
        List<ClaimSubmitted> claims = i.claims().stream().map(MappedClaim::event).toList();

        assertTrue(i.accepted());
        assertEquals("", claims.get(0).getMemberId());
        assertEquals(0, claims.get(0).getLines().get(0).getUnits());
        assertEquals("", claims.get(0).getLines().get(0).getServiceDate());
        assertEquals(List.of(), claims.get(1).getLines());
        Scrubber engine = Scrubber.sample();
        for (ClaimSubmitted c : claims) {
            Decision d = engine.judge(AvroMapping.claim(c));
            assertEquals(List.of("INVALID_CLAIM"), Scrubber.edits(d), c.getClaimId());
        }
    }

    @Test
    void readsThePublicSamples() {
        ClaimSubmitted staedi = X12Files.events("staedi-sample837-original.edi").get(0);
        assertEquals("945405", staedi.getClaimId());
        assertEquals("YYX123456789", staedi.getMemberId(), "the subscriber of a dependent patient");
        assertEquals("J2941", staedi.getLines().get(0).getProcedureCode());
        assertEquals(84, staedi.getLines().get(0).getUnits());
        assertEquals("2011-05-11", staedi.getLines().get(0).getServiceDate());
        assertEquals("54771", staedi.getPayerId());

        Interchange many = X12Files.only("imsweb-x12_many_claims.txt");
        assertEquals(820, many.claims().size());
        assertEquals(List.of("4"), many.allErrors().stream().map(X12Error::code).toList(),
                "the sample's SE01 does not count its segments: the transaction set is rejected");
        assertEquals(2, X12Reader.read(X12Files.bytes("imsweb-x12_multiple_isa.txt")).size());
    }
}
