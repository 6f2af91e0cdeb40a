package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.edits;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimscrubber.ClaimFixture;
import org.claimscrubber.Scrubber;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.junit.jupiter.api.Test;

class HistoryEditsTest {
    private final Scrubber scrubber = Scrubber.sample();

    @Test
    void redeliveredEventIdEmitsNothingAndChangesNothing() {
        ClaimFixture first = claim("C1").event("E1").diagnoses("M54.50").line("99213");
        assertEquals(Disposition.ACCEPTED, scrubber.judge(first).disposition());

        assertNull(scrubber.judge(claim("C1").event("E1").diagnoses("M54.50").line("99213")));
        assertNull(scrubber.judge(claim("C9").event("E1").diagnoses("M54.50").line("99214")));
        assertEquals(List.of("DUPLICATE_CLAIM"), edits(scrubber.judge(claim("C1").event("E2").diagnoses("M54.50").line("99213"))));
    }

    @Test
    void acceptedClaimIdSentAgainAsOriginalIsADuplicateClaim() {
        scrubber.judge(claim("C1").diagnoses("M54.50").line("99213"));

        Decision d = scrubber.judge(claim("C1").diagnoses("M54.50").on("2026-03-09").line("99214"));

        Finding f = d.findings().get(0);
        assertEquals(List.of("DUPLICATE_CLAIM"), edits(d));
        assertEquals(List.of(), f.lineNumbers());
        assertEquals(List.of("C1"), f.relatedClaimIds(), "contracts §4: the earlier accepted claim that caused it");
        assertEquals("CO-18", f.carc());
    }

    @Test
    void flaggedClaimResubmittedUnderTheSameIdIsJudgedAfresh() {
        assertEquals(Disposition.FLAGGED, scrubber.judge(claim("C1").line("62323").line("77003")).disposition());

        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").line("62323")).disposition());
    }

    @Test
    void sameLineOnAnotherClaimIsADuplicateLineWhateverTheModifierOrder() {
        scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", "RT", "59"));

        Decision d = scrubber.judge(claim("C2").diagnoses("M17.11").line("20610", "59", "RT"));

        Finding f = findings(d, "DUPLICATE_LINE").get(0);
        assertEquals(List.of(1), f.lineNumbers());
        assertEquals(List.of("C1"), f.relatedClaimIds());
    }

    @Test
    void repeatModifiersOrAnotherModifierSetAreNotDuplicates() {
        scrubber.judge(claim("C1").diagnoses("M17.11").line("20610", "RT"));

        assertEquals(List.of(), findings(scrubber.judge(claim("C2").diagnoses("M17.11").line("20610", "LT")), "DUPLICATE_LINE"));
        assertEquals(List.of(), findings(scrubber.judge(claim("C3").diagnoses("M17.11").line("20610", "RT", "76")), "DUPLICATE_LINE"));
    }

    @Test
    void acceptedReplacementTakesTheOriginalsPlaceInHistory() {
        scrubber.judge(claim("C1").diagnoses("M54.50").line("99213"));

        Decision replacement = scrubber.judge(claim("C1R").replaces("C1").diagnoses("M54.50").line("99214"));
        Decision originalAgain = scrubber.judge(claim("C1").diagnoses("M54.50").on("2026-03-20").line("99213"));
        Decision replacementAgain = scrubber.judge(claim("C1R").diagnoses("M54.50").on("2026-03-21").line("99213"));

        assertEquals(Disposition.ACCEPTED, replacement.disposition());
        assertEquals(Disposition.ACCEPTED, originalAgain.disposition());
        assertEquals(List.of("DUPLICATE_CLAIM"), edits(replacementAgain));
    }

    @Test
    void replacementIsNotDuplicateOfTheLineItReplaces() {
        scrubber.judge(claim("C1").diagnoses("M54.50").line("99213"));

        assertEquals(Disposition.ACCEPTED, scrubber.judge(claim("C1").replaces("C1").diagnoses("M54.50").line("99213")).disposition());
    }

    @Test
    void flaggedReplacementLeavesTheOriginalInForce() {
        scrubber.judge(claim("C1").line("62323"));

        assertEquals(Disposition.FLAGGED, scrubber.judge(claim("C1R").replaces("C1").line("62323").line("77003")).disposition());
        Decision later = scrubber.judge(claim("C2").line("62323", "59"));
        assertEquals(List.of("C1"), findings(later, "MUE").get(0).relatedClaimIds());
        assertEquals(Disposition.VOIDED, scrubber.judge(claim("V").voids("C1")).disposition());
    }

    @Test
    void voidRemovesTheClaimAndYieldsVoidedWithNoFindings() {
        scrubber.judge(claim("C1").diagnoses("M54.50").line("99213"));

        Decision v = scrubber.judge(claim("V1").voids("C1"));
        Decision again = scrubber.judge(claim("C2").diagnoses("M54.50").line("99213"));

        assertEquals(Disposition.VOIDED, v.disposition());
        assertEquals(List.of(), v.findings());
        assertEquals(List.of(), v.lines());
        assertEquals(Disposition.ACCEPTED, again.disposition());
    }

    @Test
    void replacementOrVoidNamingAClaimNotInHistoryIsInvalid() {
        scrubber.judge(claim("C1").diagnoses("M54.50").line("99213"));
        scrubber.judge(claim("V1").voids("C1"));

        Decision voidOfVoided = scrubber.judge(claim("V2").voids("C1"));
        Decision voidOfVoid = scrubber.judge(claim("V3").voids("V1"));
        Decision replaceUnknown = scrubber.judge(claim("R1").replaces("NEVER").line("99213"));
        Decision noOriginal = scrubber.judge(claim("R2").replaces(null).line("99213"));

        for (Decision d : List.of(voidOfVoided, voidOfVoid, replaceUnknown, noOriginal)) {
            assertEquals(List.of("INVALID_CLAIM"), edits(d));
            assertEquals("CO-16", d.findings().get(0).carc());
        }
        assertTrue(noOriginal.findings().get(0).message().contains("needs originalClaimId"));
    }

    @Test
    void replacedClaimCannotBeReplacedAgain() {
        scrubber.judge(claim("C1").diagnoses("M54.50").line("99213"));
        scrubber.judge(claim("C1R").replaces("C1").diagnoses("M54.50").line("99214"));

        assertEquals(List.of("INVALID_CLAIM"), edits(scrubber.judge(claim("C1R2").replaces("C1").diagnoses("M54.50").line("99215"))));
    }

    @Test
    void replacementUnderTheIdOfAnotherAcceptedClaimIsInvalidAndLeavesThatClaimInForce() {
        scrubber.judge(claim("C1").diagnoses("M54.50").line("99213"));
        scrubber.judge(claim("C2").diagnoses("M54.50").on("2026-03-05").line("99214"));

        Decision collision = scrubber.judge(claim("C2").replaces("C1").diagnoses("M54.50").on("2026-03-02").line("99212"));
        Decision c2Again = scrubber.judge(claim("C2").diagnoses("M54.50").on("2026-03-20").line("99213"));
        Decision c1Again = scrubber.judge(claim("C1").diagnoses("M54.50").on("2026-03-21").line("99213"));

        assertEquals(List.of("INVALID_CLAIM"), edits(collision));
        assertTrue(collision.findings().get(0).message().contains("C2"), collision.findings().get(0).message());
        assertEquals(List.of("DUPLICATE_CLAIM"), edits(c2Again));
        assertEquals(List.of("DUPLICATE_CLAIM"), edits(c1Again));
    }

    @Test
    void claimsWithoutAMemberIdShareNoHistoryYetARedeliveryEmitsNothing() {
        org.claimscrubber.decision.Decision first = scrubber.judge(claim("C1").member(" ").event("E-BLANK").line("62323"));
        org.claimscrubber.decision.Decision again = scrubber.judge(claim("C1").member(" ").event("E-BLANK").line("62323"));
        org.claimscrubber.decision.Decision other = scrubber.judge(claim("C2").member("").event("E-OTHER").line("62323"));

        assertEquals(java.util.List.of("INVALID_CLAIM"), Scrubber.edits(first));
        assertEquals(null, again, "a redelivery emits nothing, member id or not");
        assertEquals(java.util.List.of("INVALID_CLAIM"), Scrubber.edits(other), "judged alone, not against C1");
    }

    @Test
    void aClaimDatedFarInTheFutureIsInvalidAndLeavesTheMembersHistoryInPlace() {
        scrubber.judge(claim("C1").on("2026-03-02").line("62323"));

        org.claimscrubber.decision.Decision typo = scrubber.judge(claim("C2").on("2062-03-02").line("99213"));
        org.claimscrubber.decision.Decision again = scrubber.judge(claim("C1").line("62323"));

        assertEquals(java.util.List.of("INVALID_CLAIM"), Scrubber.edits(typo));
        assertEquals(java.util.List.of("DUPLICATE_CLAIM"), Scrubber.edits(again), "C1 is still in history: pruning follows the processing date");
    }
}
