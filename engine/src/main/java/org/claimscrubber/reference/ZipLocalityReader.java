package org.claimscrubber.reference;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's ZIP code to carrier locality file ({@code ZIP5_<MON><YYYY>.txt}), fixed width as {@code ZIP5lyout.txt}
 * lays it out: state 1-2, ZIP 3-7, carrier 8-12, pricing locality 13-14, rural indicator 15, lab CB locality 16-17,
 * rural indicator 2 at 18, plus-four flag 21, Part B payment indicator 23, year and quarter 76-80. The file is in force
 * from the first day of the month its name gives.
 */
public final class ZipLocalityReader {
    static final Pattern FILE_NAME = Pattern.compile("(?i)ZIP5_([A-Za-z]{3})(\\d{4})[^/]*\\.txt");
    private static final int SHORTEST = 21;

    private ZipLocalityReader() {
    }

    /** The first day of the month a ZIP5 file name gives, or null when the name is not one. */
    public static LocalDate effectiveDate(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(m.group(1))) {
                return LocalDate.of(Integer.parseInt(m.group(2)), month, 1);
            }
        }
        return null;
    }

    public static ReadReport read(String fileName, InputStream in, Consumer<ZipLocality> sink) throws IOException {
        ReadReport report = new ReadReport(fileName);
        TextRecords records = TextRecords.tabs(ReferenceText.open(fileName, in));
        for (List<String> cells = records.next(); cells != null; cells = records.next()) {
            String line = String.join("\t", cells);
            if (line.isBlank()) {
                continue;
            }
            if (!report.admit(records, problem(line))) {
                continue;
            }
            sink.accept(new ZipLocality(line.substring(2, 7), line.substring(0, 2), line.substring(7, 12), line.substring(12, 14),
                    line.charAt(14), line.charAt(20) == '1', line.length() >= 80 ? line.substring(75, 80) : ""));
        }
        if (report.rows() == 0) {
            throw new ReferenceException(fileName, records.recordLine(), "no ZIP records (expected the fixed-width ZIP5 layout of "
                    + "ZIP5lyout.txt)" + (report.problems().isEmpty() ? "" : "; first problem: " + report.problems().get(0)));
        }
        return report;
    }

    private static String problem(String line) {
        if (line.length() < SHORTEST) {
            return "a ZIP5 record has 80 characters (at least 21), this one " + line.length();
        }
        if (!line.substring(0, 2).matches("[A-Z]{2}")) {
            return "columns 1-2 must hold the state, not '" + line.substring(0, 2) + "'";
        }
        if (!line.substring(2, 7).matches("\\d{5}")) {
            return "columns 3-7 must hold a five-digit ZIP code, not '" + line.substring(2, 7) + "'";
        }
        if (!line.substring(7, 12).matches("\\d{5}")) {
            return "columns 8-12 must hold the five-digit carrier, not '" + line.substring(7, 12) + "'";
        }
        if (!line.substring(12, 14).matches("\\d{2}")) {
            return "columns 13-14 must hold the two-digit pricing locality, not '" + line.substring(12, 14) + "'";
        }
        char plusFour = line.charAt(20);
        if (plusFour != '0' && plusFour != '1' && plusFour != ' ') {
            return "column 21 (plus four flag) must be 0 or 1, not '" + plusFour + "'";
        }
        if (line.length() >= 80 && !line.substring(75, 80).matches("\\d{5}")) {
            return "columns 76-80 must hold the year and quarter (YYYYQ), not '" + line.substring(75, 80) + "'";
        }
        return null;
    }
}
