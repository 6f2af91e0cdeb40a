package org.claimscrubber.edits;

import java.time.LocalDate;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.IsoDates;

/**
 * TIMELY_FILING (contracts §4a rule 11): a line filed more than the policy file's {@code timelyFilingMonths} after its
 * date of service. The filing date is the UTC date of the claim's {@code submittedAt}, or the processing date when it
 * has none (or an unreadable one); a {@code submittedAt} after the processing date counts as the processing date.
 */
final class TimelyFiling {
    static final String REFERENCE = "timely filing limit (policy file timelyFilingMonths; Medicare: 42 CFR 424.44, 12 months)";

    private TimelyFiling() {
    }

    /** The date the claim counts as filed on. */
    static LocalDate filedOn(Claim claim, LocalDate processingDate) {
        LocalDate submitted = claim.submittedAt() == null ? null : IsoDates.utcDateOfInstant(claim.submittedAt());
        return submitted == null || submitted.isAfter(processingDate) ? processingDate : submitted;
    }

    static void check(Review review, LineFacts f, LocalDate filed, int months) {
        if (months < 1) {
            return;
        }
        LocalDate limit = f.date.plusMonths(months);
        if (filed.isAfter(limit)) {
            review.add(EditCode.TIMELY_FILING.line(f.number(), "line " + f.number() + " (" + f.code + " on " + f.date + ") was filed on "
                    + filed + ", more than " + months + " months after its date of service (the last day was " + limit + ")", REFERENCE));
        }
    }
}
