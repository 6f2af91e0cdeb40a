package org.claimscrubber.x12;

import java.util.List;

/** One GS/GE functional group: its header values, its transaction sets, and its own (GE) errors. */
public record FunctionalGroup(String functionalId, String senderCode, String receiverCode, String controlNumber, String version,
                              List<TransactionSet> transactions, List<X12Error> errors) {

    /** Accepted when the group itself is sound and every transaction set is. */
    public boolean accepted() {
        return errors.isEmpty() && transactions.stream().allMatch(TransactionSet::accepted);
    }

    public long acceptedTransactions() {
        return transactions.stream().filter(TransactionSet::accepted).count();
    }
}
