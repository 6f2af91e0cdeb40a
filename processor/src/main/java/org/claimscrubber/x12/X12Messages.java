package org.claimscrubber.x12;

import java.util.List;

/** One-line descriptions of a rejected interchange for stderr, logs and DLQ headers: positions and codes, no patient data. */
public final class X12Messages {
    private X12Messages() {
    }

    /** {@code FILE: interchange ISA13 (sender S) rejected: first error; N errors}. */
    public static String rejected(String source, Interchange i) {
        List<X12Error> errors = i.allErrors();
        return source + ": interchange " + i.controlNumber() + " (sender " + i.senderId() + ") rejected, "
                + (errors.isEmpty() ? "" : "transaction set " + transactionOf(i, errors.get(0)) + " " + errors.get(0).describe())
                + (errors.size() > 1 ? " and " + (errors.size() - 1) + " more error(s)" : "");
    }

    /** The ST02 of the transaction set holding the error, or "-" for an envelope error. */
    static String transactionOf(Interchange i, X12Error e) {
        for (FunctionalGroup g : i.groups()) {
            for (TransactionSet t : g.transactions()) {
                if (t.errors().contains(e)) {
                    return t.controlNumber();
                }
            }
        }
        return "-";
    }
}
