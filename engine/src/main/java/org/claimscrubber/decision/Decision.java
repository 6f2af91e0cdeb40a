package org.claimscrubber.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The verdict on one claim event (contracts §3). */
public record Decision(String claimId, String eventId, String memberId, Disposition disposition,
                       List<Finding> findings, List<DecisionLine> lines, Map<String, String> referenceVersions,
                       Instant processedAt) {
}
