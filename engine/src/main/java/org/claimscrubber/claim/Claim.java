package org.claimscrubber.claim;

import java.util.List;

/**
 * One claim event as the engine sees it, read from JSON or Avro. {@code problems} lists what made fields
 * unreadable (a date that does not parse, a number that is text); the engine reports them as INVALID_CLAIM.
 */
public record Claim(String eventId, String claimId, Frequency frequency, String originalClaimId, String memberId,
                    String billingProviderNpi, String renderingProviderNpi, String placeOfService,
                    List<String> diagnoses, List<Line> lines, String submittedAt, String billingProviderZip,
                    String serviceFacilityZip, String payerId, List<String> problems) {

    /** The line's provider for NCCI and MUE purposes under the chosen basis. */
    public String provider(Line line, ProviderBasis basis) {
        if (basis == ProviderBasis.RENDERING) {
            if (line.renderingProviderNpi() != null && !line.renderingProviderNpi().isBlank()) {
                return line.renderingProviderNpi();
            }
            if (renderingProviderNpi != null && !renderingProviderNpi.isBlank()) {
                return renderingProviderNpi;
            }
        }
        return billingProviderNpi == null ? "" : billingProviderNpi;
    }

    /** The place of service for the line: the line's own, else the claim's. */
    public String placeOfService(Line line) {
        return line.placeOfService() != null && !line.placeOfService().isBlank() ? line.placeOfService() : placeOfService;
    }
}
