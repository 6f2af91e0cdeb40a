package org.claimscrubber.history;

import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.claim.ProviderBasis;

/**
 * One line of an accepted claim, as member history keeps it.
 *
 * @param renderingNpi the line's rendering NPI as resolved at acceptance (line, else claim, else billing)
 */
public record HistoryLine(int lineNumber, String code, List<String> modifiers, int units, LocalDate serviceDate,
                          String renderingNpi, String billingNpi) {

    public String provider(ProviderBasis basis) {
        return basis == ProviderBasis.RENDERING ? renderingNpi : billingNpi;
    }
}
