package org.claimscrubber.x12;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.Disposition;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.decision.Severity;

/**
 * A decision as 277CA STC01 composites (category : claim status code : entity), one per DENY or REVIEW finding, the
 * README's mapping table: an unusable claim is A7 (rejected for invalid information), a claim the edits deny is A3
 * (returned as unprocessable), an accepted or voided claim A2:20, a REVIEW finding an extra A1 (informational) beside
 * A2:20.
 */
final class ClaimStatus {
    /** One STC01: category, status code, entity (null when none). */
    record Code(String category, String status, String entity) {
        String[] composite() {
            return entity == null ? new String[] {category, status} : new String[] {category, status, entity};
        }
    }

    static final Code ACCEPTED = new Code("A2", "20", null);
    static final Code RECEIVED = new Code("A1", "19", null);

    private ClaimStatus() {
    }

    /** The STC codes of a decision; {@link #RECEIVED} alone when there is none (a redelivery decides nothing). */
    static List<Code> of(Decision d) {
        if (d == null) {
            return List.of(RECEIVED);
        }
        List<Code> codes = new ArrayList<>(2);
        boolean denied = d.findings().stream().anyMatch(f -> f.severity() == Severity.DENY);
        if (!denied || d.disposition() == Disposition.VOIDED) {
            codes.add(ACCEPTED);
        }
        for (Finding f : d.findings()) {
            if (f.severity() == Severity.DENY) {
                codes.add(deny(f));
            } else if (f.severity() == Severity.REVIEW) {
                codes.add(new Code("A1", status(f), null));
            }
        }
        return codes;
    }

    /**
     * The STC codes of one service line (2220D): those of the DENY and REVIEW findings naming {@code lineNumber}, with
     * A2:20 first when none of them denies; empty when no such finding names the line (it gets no 2220D loop).
     */
    static List<Code> ofLine(Decision d, int lineNumber) {
        if (d == null) {
            return List.of();
        }
        List<Code> codes = new ArrayList<>(2);
        boolean denied = false;
        for (Finding f : d.findings()) {
            if (f.lineNumbers().contains(lineNumber)) {
                if (f.severity() == Severity.DENY) {
                    codes.add(deny(f));
                    denied = true;
                } else if (f.severity() == Severity.REVIEW) {
                    codes.add(new Code("A1", status(f), null));
                }
            }
        }
        if (!codes.isEmpty() && (!denied || d.disposition() == Disposition.VOIDED)) {
            codes.add(0, ACCEPTED);
        }
        return codes;
    }

    /** Whether the claim counts as accepted in the 277CA totals (QTY*90 / AMT*YU). */
    static boolean accepted(Decision d) {
        return d == null || d.findings().stream().noneMatch(f -> f.severity() == Severity.DENY);
    }

    private static Code deny(Finding f) {
        if (f.edit().equals("INVALID_CLAIM")) {
            String m = f.message();
            if (m.contains("billingProviderNpi")) {
                return new Code("A7", "562", "85");
            }
            if (m.contains("renderingProviderNpi")) {
                return new Code("A7", "562", "82");
            }
            if (m.contains("memberId")) {
                return new Code("A7", "164", "IL");
            }
            if (m.contains("originalClaimId") || m.contains("REPLACEMENT") || m.contains("VOID")) {
                return new Code("A7", "464", null);
            }
            if (m.contains("serviceDate") || m.contains("date of service")) {
                return new Code("A7", "187", null);
            }
            return new Code("A7", "21", null);
        }
        return new Code("A3", status(f), entity(f));
    }

    private static String status(Finding f) {
        return switch (f.edit()) {
            case "DUPLICATE_CLAIM", "DUPLICATE_LINE" -> "78";
            case "MODIFIER_INVALID" -> "453";
            case "INVALID_DIAGNOSIS", "DIAGNOSIS_NOT_COVERED" -> "255";
            case "TIMELY_FILING", "FREQUENCY_LIMIT", "SESSION_LIMIT" -> "187";
            case "UNKNOWN_CODE", "NCCI_PTP", "MUE", "ADD_ON_CODE", "NOT_COVERED", "STATUS_NOT_PAYABLE" -> "454";
            default -> "21";
        };
    }

    private static String entity(Finding f) {
        return f.edit().equals("POS_INCONSISTENT") ? "77" : null;
    }
}
