package org.claimscrubber.edits;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.decision.Finding;
import org.claimscrubber.history.MemberHistory;
import org.claimscrubber.reference.ReferenceData;

/** One claim under review: its lines' facts, the member history it is judged against (indexed), and the findings so far. */
final class Review {
    final Claim claim;
    final List<LineFacts> lines;
    final HistoryIndex history;
    final ReferenceData reference;
    final ProviderBasis basis;
    final List<Finding> findings = new ArrayList<>(4);

    Review(Claim claim, MemberHistory history, ReferenceData reference, ProviderBasis basis) {
        this.claim = claim;
        this.history = new HistoryIndex(history, basis);
        this.reference = reference;
        this.basis = basis;
        this.lines = new ArrayList<>(claim.lines().size());
        for (var line : claim.lines()) {
            lines.add(new LineFacts(claim, line, reference, basis));
        }
    }

    void add(Finding finding) {
        findings.add(finding);
    }
}
