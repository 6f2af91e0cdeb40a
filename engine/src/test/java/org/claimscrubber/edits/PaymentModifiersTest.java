package org.claimscrubber.edits;

import static org.claimscrubber.ClaimFixture.claim;
import static org.claimscrubber.Scrubber.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.claimscrubber.Scrubber;
import org.claimscrubber.TestReference;
import org.claimscrubber.claim.Line;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionLine;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.PriceAdjustment;
import org.claimscrubber.decision.Severity;
import org.junit.jupiter.api.Test;

/**
 * Payment modifiers by the PPRRVU indicators. Amounts: the 2026 sample RVUs in Manhattan (13202-01: work 1.064, PE 1.162,
 * MP 1.586) or national, CF 33.4009; e.g. 64483 in a facility: (1.90 x 1.064 + 0.96 x 1.162 + 0.17 x 1.586) x 33.4009 = 113.79
 * (feeScheduleAmount and adjustedAllowed), while expectedAllowed is national whatever the ZIP (contracts §3).
 */
class PaymentModifiersTest {
    private final Scrubber scrubber = Scrubber.sample();

    private static List<String> kinds(DecisionLine line) {
        return line.adjustments().stream().map(PriceAdjustment::kind).toList();
    }

    private static Line line(int number, String code, int units, List<String> modifiers, int pointer) {
        return new Line(number, code, modifiers, units, org.claimscrubber.ClaimFixture.DAY, List.of(pointer), BigDecimal.TEN, null, null);
    }

    @Test
    void modifier50WithBilateralIndicatorOnePays150Percent() {
        DecisionLine line = scrubber.judge(claim("C1").pos("24").zips("10001", null).line("64483", "50")).lines().get(0);

        assertEquals(new BigDecimal("113.79"), line.feeScheduleAmount());
        assertEquals(List.of(new PriceAdjustment("BILATERAL", new BigDecimal("1.5"),
                "modifier 50, bilateral indicator 1: 150% of the fee schedule amount for both sides")), line.adjustments());
        assertEquals(new BigDecimal("170.69"), line.adjustedAllowed());
        assertEquals(new BigDecimal("101.20"), line.expectedAllowed(),
                "contracts §3: (1.90 + 0.96 + 0.17) x 33.4009 at GPCI 1.0, no bilateral adjustment");
    }

    @Test
    void multipleProceduresOfOneDateAndProviderPayTheHighestInFullAndTheOthersHalf() {
        Decision d = scrubber.judge(claim("C1").pos("24").zips("10001", null).diagnoses("M54.16", "M79.18")
                .line(line(1, "20552", 1, List.of(), 2)).line(line(2, "64483", 1, List.of("50"), 1)));

        DecisionLine trigger = d.lines().get(0);
        DecisionLine transforaminal = d.lines().get(1);
        assertEquals(Disposition.ACCEPTED, d.disposition(), d.findings().toString());
        assertEquals(List.of("BILATERAL", "MULTIPLE_PROCEDURE"), kinds(transforaminal));
        assertEquals(BigDecimal.ONE, transforaminal.adjustments().get(1).factor());
        assertEquals(new BigDecimal("170.69"), transforaminal.adjustedAllowed(), "ranked after its bilateral adjustment");
        assertEquals(new PriceAdjustment("MULTIPLE_PROCEDURE", new BigDecimal("0.5"), "multiple procedure indicator 2: one unit at 50% "
                + "(64483 on line 2 is the highest-priced procedure of 2026-03-02, same provider)"), trigger.adjustments().get(0));
        assertEquals(new BigDecimal("38.67"), trigger.feeScheduleAmount());
        assertEquals(new BigDecimal("19.34"), trigger.adjustedAllowed());
        assertEquals(List.of(new BigDecimal("34.40"), new BigDecimal("101.20")), d.lines().stream().map(DecisionLine::expectedAllowed).toList(),
                "contracts §3: national, no multiple-procedure or bilateral adjustment in expectedAllowed");
    }

    @Test
    void furtherUnitsOfTheHighestProcedureArePaidAtHalf() {
        DecisionLine line = scrubber.judge(claim("C1").pos("11").diagnoses("M79.18").line("20552", 2)).lines().get(0);

        assertEquals(List.of(new PriceAdjustment("MULTIPLE_PROCEDURE", new BigDecimal("1.5"), "multiple procedure indicator 2: the "
                + "highest-priced procedure of 2026-03-02 (same provider) at 100% for its first unit, its 1 further unit at 50%")),
                line.adjustments());
        assertEquals(new BigDecimal("87.18"), line.adjustedAllowed());
        assertEquals(new BigDecimal("116.24"), line.expectedAllowed(), "contracts §3: 1.74 x 33.4009 x 2, unreduced");
    }

    @Test
    void proceduresOfAnotherProviderOrDateAreNotReduced() {
        Decision d = scrubber.judge(claim("C1").pos("11").diagnoses("M79.18", "M17.11")
                .line(line(1, "20552", 1, List.of(), 1))
                .line(new Line(2, "20610", List.of("RT"), 1, org.claimscrubber.ClaimFixture.DAY.plusDays(1), List.of(2), BigDecimal.TEN,
                        null, null)));

        assertEquals(List.of(new BigDecimal("58.12"), new BigDecimal("57.12")), d.lines().stream().map(DecisionLine::expectedAllowed).toList());
        assertEquals(List.of(new BigDecimal("58.12"), new BigDecimal("57.12")), d.lines().stream().map(DecisionLine::adjustedAllowed).toList());
        assertEquals(List.of(List.of(), List.of()), d.lines().stream().map(DecisionLine::adjustments).toList());
    }

    @Test
    void theProfessionalComponentIsPricedFromItsRowAndSaysSo() {
        DecisionLine line = scrubber.judge(claim("C1").pos("22").diagnoses("M54.50").line("72148", "26")).lines().get(0);

        assertEquals(new BigDecimal("70.14"), line.expectedAllowed());
        assertEquals(List.of(new PriceAdjustment("COMPONENT", BigDecimal.ONE, "professional component (26): priced from the 72148-26 row's RVUs")),
                line.adjustments());
    }

    @Test
    void anAssistantIsPaidSixteenPercentWhereTheIndicatorAllowsItAndAsEightyFivePercentOfThat() {
        DecisionLine surgeon = scrubber.judge(claim("C1").pos("22").zips("10001", null).diagnoses("M48.062").line("63047", "80"))
                .lines().get(0);
        Decision withAs = scrubber.judge(claim("C2").pos("22").zips("10001", null).diagnoses("M48.062").line("63047", "AS"));

        assertEquals(new BigDecimal("1332.44"), surgeon.feeScheduleAmount());
        assertEquals(new BigDecimal("213.19"), surgeon.adjustedAllowed());
        assertEquals(new BigDecimal("1130.62"), surgeon.expectedAllowed(), "33.85 x 33.4009, national: the adjustments are in adjustedAllowed only");
        assertEquals(List.of("ASSISTANT"), kinds(surgeon));
        assertEquals(List.of("ASSISTANT", "NON_PHYSICIAN_ASSISTANT"), kinds(withAs.lines().get(0)));
        assertEquals(new BigDecimal("181.21"), withAs.lines().get(0).adjustedAllowed());
        assertEquals(Disposition.ACCEPTED, withAs.disposition(), withAs.findings().toString());
    }

    @Test
    void anAssistantWhereTheStatuteForbidsItIsDeniedAndNotPriced() {
        Decision d = scrubber.judge(claim("C1").pos("11").line("62323", "80"));

        Finding f = findings(d, "ASSISTANT_NOT_ALLOWED").get(0);
        assertEquals(Severity.DENY, f.severity());
        assertEquals("CO-54", f.carc());
        assertEquals("62323 with 80 on line 1 (2026-03-02): an assistant at surgery is never paid for 62323 (assistant-at-surgery "
                + "indicator 1: statutory payment restriction)", f.message());
        assertEquals("NOT_PAYABLE", d.lines().get(0).pricing());
        assertNull(d.lines().get(0).expectedAllowed());
        assertNull(d.lines().get(0).adjustedAllowed());
    }

    @Test
    void anAssistantNeedingDocumentationIsReviewedAndPricedAtSixteenPercent() {
        Decision d = scrubber.judge(claim("C1").pos("11").diagnoses("J06.9").line("99213", "82"));

        Finding f = findings(d, "ASSISTANT_NOT_ALLOWED").get(0);
        assertEquals(Severity.REVIEW, f.severity());
        assertTrue(f.message().contains("only when documentation establishes its medical necessity"), f.message());
        assertEquals(new BigDecimal("14.54"), d.lines().get(0).adjustedAllowed());
        assertEquals(new BigDecimal("90.85"), d.lines().get(0).expectedAllowed(), "2.72 x 33.4009: the 16% is in adjustedAllowed only");
    }

    @Test
    void anAssistantWhereTheConceptDoesNotApplyIsDenied() {
        Decision d = scrubber.judge(claim("C1").pos("11").diagnoses("J06.9").line("36415", "80"));

        Finding f = findings(d, "ASSISTANT_NOT_ALLOWED").get(0);
        assertEquals(Severity.DENY, f.severity());
        assertTrue(f.message().endsWith("the assistant-at-surgery concept does not apply to 36415 (indicator 9)"), f.message());
    }

    @Test
    void aDiscontinuedProcedureWithoutA53RowIsReviewedWithNoPrice() {
        Decision d = scrubber.judge(claim("C1").pos("11").line("62323", "53"));

        Finding f = findings(d, "DISCONTINUED_PROCEDURE").get(0);
        assertEquals(Severity.REVIEW, f.severity());
        assertNull(f.carc());
        assertEquals("CARRIER_PRICED", d.lines().get(0).pricing());
        assertNull(d.lines().get(0).expectedAllowed());
        assertNull(d.lines().get(0).adjustedAllowed());
    }

    @Test
    void aDiscontinuedProcedureWithA53RowIsPricedFromIt() {
        String header = "notice,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\nHCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,"
                + "TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT\r\n";
        String rows = "45378,,Colonoscopy (test row),A,,3.26,6.72,,1.75,,0.38,10.36,5.39,0,000,0.00,0.00,0.00,2,0,1,0,0,45378,33.4009,09,,99,0,0,0\r\n"
                + "45378,53,Colonoscopy discontinued (test row),A,,0.96,3.50,,0.58,,0.11,4.57,1.65,0,000,0.00,0.00,0.00,0,0,1,0,0,,33.4009,09,,99,0,0,0\r\n";
        Scrubber own = new Scrubber(TestReference.files().file("PPRRVU2026_Jan_nonQPP.csv", header + rows).load());

        Decision d = own.judge(claim("C1").pos("11").diagnoses("K63.5").line("45378", "53"));

        assertEquals(List.of(), findings(d, "DISCONTINUED_PROCEDURE"));
        assertEquals(new BigDecimal("152.64"), d.lines().get(0).expectedAllowed(), "(0.96 + 3.50 + 0.11) x 33.4009");
        assertEquals("DISCONTINUED", d.lines().get(0).adjustments().get(0).kind());
    }
}
