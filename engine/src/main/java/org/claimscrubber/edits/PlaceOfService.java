package org.claimscrubber.edits;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.reference.CatalogRow;

/**
 * CMS's place-of-service code set (the codes assigned as of the 2025 code set; every other two-digit value is
 * unassigned) and the places that take the fee schedule's facility rate (contracts §4). Codes assigned since 2016
 * are valid from their effective date. Also POS_INCONSISTENT, the fee schedule's place-of-service edit.
 */
final class PlaceOfService {
    private static final Set<String> FACILITY = Set.of("02", "19", "21", "22", "23", "24", "26", "31", "34", "41", "42", "51", "52",
            "53", "56", "61");
    private static final Set<String> ASSIGNED = Set.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13",
            "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34", "41", "42",
            "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "65", "66", "71", "72", "81", "99");
    private static final Map<String, LocalDate> VALID_FROM = Map.of(
            "02", LocalDate.of(2017, 1, 1), "10", LocalDate.of(2022, 1, 1), "19", LocalDate.of(2016, 1, 1),
            "27", LocalDate.of(2023, 10, 1), "58", LocalDate.of(2020, 1, 1), "66", LocalDate.of(2024, 8, 1));

    private PlaceOfService() {
    }

    /** Whether the place takes the facility rate; a place that is missing or unassigned takes the non-facility one. */
    static boolean isFacility(String pos) {
        if (pos == null) {
            return false;
        }
        if (pos.length() == 2) { // the usual form, answered from a table
            int tens = pos.charAt(0) - '0';
            int units = pos.charAt(1) - '0';
            if (tens >= 0 && tens <= 9 && units >= 0 && units <= 9) {
                return FACILITY_CODES[tens * 10 + units];
            }
        }
        return FACILITY.contains(pos.strip());
    }

    private static final boolean[] FACILITY_CODES = new boolean[100];

    static {
        for (String code : FACILITY) {
            FACILITY_CODES[Integer.parseInt(code)] = true;
        }
    }

    /** What is wrong with the place of service on the date, or null when CMS's code set holds it then. */
    static String problem(String pos, LocalDate date) {
        String code = pos.strip();
        if (!ASSIGNED.contains(code)) {
            return "placeOfService '" + pos + "' is not in CMS's place-of-service code set";
        }
        LocalDate from = VALID_FROM.get(code);
        if (from != null && date != null && date.isBefore(from)) {
            return "placeOfService '" + pos + "' is valid only from " + from + " (service on " + date + ")";
        }
        return null;
    }

    /**
     * POS_INCONSISTENT: a code with PC/TC indicator 1 billed global or TC (no 26) in a facility place of service whose
     * facility NA indicator is set: the facility bills the technical component.
     */
    static void inconsistent(Review review, LineFacts f) {
        if (f.unknown || !f.facility || f.line.hasModifier("26") || f.rows.base() == null || !"1".equals(f.rows.base().pctcIndicator())) {
            return;
        }
        CatalogRow row = f.pricingRow();
        if (!row.facilityNa()) {
            return;
        }
        String billed = f.code + (f.line.hasModifier("TC") ? "-TC" : " (global, no 26)");
        review.add(EditCode.POS_INCONSISTENT.line(f.number(), billed + " on line " + f.number() + " in place of service "
                + f.placeOfService.strip() + " (a facility) on " + f.date + ": the facility bills the technical component there;"
                + " bill " + f.code + "-26 for the professional component", CatalogEdits.citation(f) + ", " + f.code
                + (row.modifier().isEmpty() ? "" : "-" + row.modifier()) + " facility NA indicator set, PC/TC indicator 1"));
    }
}
