package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.edits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.TestReference;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.reference.ReferenceData;
import org.junit.jupiter.api.Test;

/** Contracts §4a rule 1: a pair's rows come only from the newest loaded release that holds the pair. */
class PtpReleaseTest {
    private static final String DENY_ROW = "62323\t77003\t\t20170101\t*\t0\tCPT Manual or CMS manual coding instruction";

    private static TestReference withFees() {
        return TestReference.files().sample("PPRRVU2026_Jan_nonQPP.csv");
    }

    private static Decision judge(ReferenceData ref, String... column2Modifiers) {
        return new Scrubber(ref).judge(claim("C1").line("62323").line("77003", column2Modifiers));
    }

    @Test
    void aPairDeletedRetroactivelyByANewerReleaseNoLongerDenies() {
        ReferenceData ref = withFees().ptp("ccipra-v320r0-f1.txt", DENY_ROW)
                .ptp("ccipra-v321r0-f1.txt", "62323\t77003\t\t20170101\t20170101\t9\tCPT Manual or CMS manual coding instruction").load();

        assertEquals(Disposition.ACCEPTED, judge(ref).disposition());
    }

    @Test
    void anIndicatorRelaxedInPlaceByANewerReleaseIsTheOneInForce() {
        ReferenceData ref = withFees().ptp("ccipra-v320r0-f1.txt", DENY_ROW)
                .ptp("ccipra-v321r0-f2.txt", "62323\t77003\t\t20170101\t*\t1\tCPT Manual or CMS manual coding instruction").load();

        Decision d = judge(ref, "XS");

        assertEquals(List.of("NCCI_PTP_BYPASSED"), edits(d));
        assertTrue(d.findings().get(0).reference().endsWith("modifier indicator 1, ccipra-v321r0"), d.findings().get(0).reference());
    }

    @Test
    void olderRowsOfAPairAreIgnoredEvenWhenTheNewerReleaseHasNoneInForceOnTheDate() {
        ReferenceData ref = withFees().ptp("ccipra-v321r0-f1.txt", "62323\t77003\t\t20260401\t*\t0\tCPT Manual or CMS manual coding instruction")
                .ptp("ccipra-v320r0-f1.txt", DENY_ROW).load();

        assertEquals(Disposition.ACCEPTED, judge(ref).disposition());
    }

    @Test
    void aPairThatOnlyAnOlderReleaseHoldsStillApplies() {
        ReferenceData ref = withFees().ptp("ccipra-v320r0-f1.txt", DENY_ROW)
                .ptp("ccipra-v321r0-f1.txt", "62323\t77012\t\t20170101\t*\t0\tCPT Manual or CMS manual coding instruction").load();

        Decision d = judge(ref);

        assertEquals(List.of("NCCI_PTP"), edits(d));
        assertTrue(d.findings().get(0).reference().endsWith("ccipra-v320r0"));
    }

    @Test
    void releasesAreOrderedByVersionNumberThenRevisionNotByText() {
        String deleted = "62323\t77003\t\t20170101\t20170101\t9\tCPT Manual or CMS manual coding instruction";
        ReferenceData byVersion = withFees().ptp("ccipra-v99r0-f1.txt", DENY_ROW).ptp("ccipra-v100r0-f1.txt", deleted).load();
        ReferenceData byRevision = withFees().ptp("ccipra-v320r1-f1.txt", deleted).ptp("ccipra-v320r0-f1.txt", DENY_ROW).load();

        assertEquals(Disposition.ACCEPTED, judge(byVersion).disposition());
        assertEquals(Disposition.ACCEPTED, judge(byRevision).disposition());
        assertEquals("ccipra-v100r0", byVersion.ptp().latestSource());
    }

    @Test
    void rowsOfTheFourPartsOfOneReleaseAllCount() {
        ReferenceData ref = withFees()
                .ptp("ccipra-v321r0-f1.txt", "62323\t77003\t\t20170101\t20251231\t1\tCPT Manual or CMS manual coding instruction")
                .ptp("ccipra-v321r0-f3.txt", DENY_ROW.replace("20170101", "20260101"))
                .ptp("ccipra-v320r0-f1.txt", DENY_ROW).load();

        Decision d = judge(ref, "XS");

        assertEquals(List.of("NCCI_PTP"), edits(d));
        assertTrue(d.findings().get(0).reference().contains("effective 2026-01-01"), d.findings().get(0).reference());
    }
}
