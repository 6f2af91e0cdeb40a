package org.claimscrubber.x12;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One ISA/IEA interchange as read: the envelope values an acknowledgement needs, its functional groups, and the
 * interchange-level (ISA/IEA) errors. It is accepted only when every group and transaction set is: claim-scrubber
 * publishes the claims of an interchange all together or not at all.
 */
public record Interchange(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
                          String controlNumber, String date, String time, String usage, List<FunctionalGroup> groups,
                          List<X12Error> errors) {

    public boolean accepted() {
        return errors.isEmpty() && groups.stream().allMatch(FunctionalGroup::accepted);
    }

    /** Every claim of every transaction set, in file order. */
    public List<MappedClaim> claims() {
        List<MappedClaim> all = new ArrayList<>();
        for (FunctionalGroup g : groups) {
            for (TransactionSet t : g.transactions()) {
                all.addAll(t.claims());
            }
        }
        return all;
    }

    /** Every error at any level, interchange first. */
    public List<X12Error> allErrors() {
        return Stream.concat(errors.stream(), groups.stream().flatMap(g -> Stream.concat(g.errors().stream(),
                g.transactions().stream().flatMap(t -> t.errors().stream())))).toList();
    }
}
