package org.claimscrubber.edits;

import java.time.LocalDate;
import org.claimscrubber.claim.Claim;
import org.claimscrubber.claim.Line;
import org.claimscrubber.claim.ProviderBasis;
import org.claimscrubber.reference.CatalogRow;
import org.claimscrubber.reference.Codes;
import org.claimscrubber.reference.FeeSchedule;
import org.claimscrubber.reference.MueRow;
import org.claimscrubber.reference.ReferenceData;

/** What the engine looks up once per line: provider, code key, the fee-schedule rows and MUE in force. */
final class LineFacts {
    private static final String[] PRICING_MODIFIERS = {"26", "TC", "53"};

    final Line line;
    final String code;
    final LocalDate date;
    final String provider;
    final int codeKey;
    final FeeSchedule.Release release;
    final FeeSchedule.CodeRows rows;
    final boolean unknown;
    final MueRow mue;
    final String placeOfService;
    final boolean facility;
    private CatalogRow pricing;

    LineFacts(Claim claim, Line line, ReferenceData reference, ProviderBasis basis) {
        this.line = line;
        this.code = line.procedureCode();
        this.date = line.serviceDate();
        this.provider = claim.provider(line, basis);
        this.codeKey = Codes.encode(code);
        this.release = reference.release(date);
        this.rows = release == null ? null : release.rows(code);
        this.unknown = rows == null || (rows.base() != null && "I".equals(rows.base().statusCode()));
        this.mue = reference.mue(code, date);
        this.placeOfService = claim.placeOfService(line);
        this.facility = PlaceOfService.isFacility(placeOfService);
    }

    int number() {
        return line.lineNumber();
    }

    /** The row that prices the line: the pricing modifier's row where the file has one, else the code's own. */
    CatalogRow pricingRow() {
        if (pricing == null) {
            pricing = pricingRow(rows, line.modifiers());
        }
        return pricing;
    }

    /** The row that prices a code billed with these modifiers. */
    static CatalogRow pricingRow(FeeSchedule.CodeRows rows, java.util.List<String> modifiers) {
        if (modifiers.isEmpty()) {
            return rows.pricing(null);
        }
        for (String m : PRICING_MODIFIERS) {
            if (modifiers.contains(m)) {
                return rows.pricing(m);
            }
        }
        return rows.pricing(null);
    }

    boolean sameProviderAndDate(LineFacts other) {
        return date.equals(other.date) && provider.equals(other.provider);
    }
}
