package org.claimscrubber.edits;

import static java.util.Collections.unmodifiableList;

import java.util.List;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;

/** The stable edit identifiers of contracts §4, each with its severity and CARC. */
public enum EditCode {
    INVALID_CLAIM(Severity.DENY, "CO-16"),
    TIMELY_FILING(Severity.DENY, "CO-29"),
    UNKNOWN_CODE(Severity.DENY, "CO-181"),
    NCCI_PTP(Severity.DENY, "CO-236"),
    NCCI_PTP_BYPASSED(Severity.INFO, null),
    MUE(Severity.DENY, "CO-151"),
    MODIFIER_INVALID(Severity.DENY, "CO-4"),
    DIAGNOSIS_NOT_COVERED(Severity.DENY, "CO-50"),
    NOT_COVERED(Severity.DENY, "CO-50"),
    SESSION_LIMIT(Severity.DENY, "CO-151"),
    FREQUENCY_LIMIT(Severity.DENY, "CO-151"),
    DUPLICATE_CLAIM(Severity.DENY, "CO-18"),
    DUPLICATE_LINE(Severity.DENY, "CO-18"),
    ADD_ON_CODE(Severity.DENY, "CO-B15"),
    INVALID_DIAGNOSIS(Severity.DENY, "CO-146"),
    /** Fee-schedule status B, P or T (CO-97), N (CO-96, set per finding); C and R are REVIEW without a CARC. */
    STATUS_NOT_PAYABLE(Severity.DENY, "CO-97"),
    POS_INCONSISTENT(Severity.DENY, "CO-58"),
    /** Assistant at surgery (80, 81, 82, AS): indicator 1 or 9 DENY; 0 REVIEW (paid with documentation). */
    ASSISTANT_NOT_ALLOWED(Severity.DENY, "CO-54"),
    /** 53 on a code without a 53 row: no price, the contractor reviews it. */
    DISCONTINUED_PROCEDURE(Severity.REVIEW, null);

    private final Severity severity;
    private final String carc;

    EditCode(Severity severity, String carc) {
        this.severity = severity;
        this.carc = carc;
    }

    public Severity severity() {
        return severity;
    }

    public String carc() {
        return carc;
    }

    Finding claimLevel(String message, String reference) {
        return new Finding(name(), severity, List.of(), List.of(), List.of(), carc, message, reference);
    }

    /** A finding on lines; the lists are the caller's own and are not changed after this call. */
    Finding lines(List<Integer> lines, List<Integer> relatedLines, List<String> relatedClaims, String message, String reference) {
        return new Finding(name(), severity, unmodifiableList(lines), unmodifiableList(relatedLines), unmodifiableList(relatedClaims),
                carc, message, reference);
    }

    /** A finding on lines with a severity and CARC of its own, for an edit whose outcome depends on the case. */
    Finding lines(List<Integer> lines, List<Integer> relatedLines, List<String> relatedClaims, Severity severity, String carc,
                  String message, String reference) {
        return new Finding(name(), severity, unmodifiableList(lines), unmodifiableList(relatedLines), unmodifiableList(relatedClaims),
                carc, message, reference);
    }

    Finding line(int line, String message, String reference) {
        return line(line, severity, message, reference);
    }

    /** A finding on one line with another severity than the edit's own (REVIEW where the rule asks for a person's look). */
    Finding line(int line, Severity severity, String message, String reference) {
        return new Finding(name(), severity, List.of(line), List.of(), List.of(), carc, message, reference);
    }
}
