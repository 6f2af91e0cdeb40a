package org.claimscrubber.reference;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CMS practitioner MUE table ({@code MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv}): a quoted
 * multi-line notice, a header whose first cell holds a line break, then one CSV row per code. The
 * edition's effective date comes from the file name.
 */
public final class MueReader {
    static final Pattern FILE_NAME = Pattern.compile("(?i)MCR_MUE_PractitionerServices_Eff_(\\d{2})-(\\d{2})-(\\d{4}).*\\.csv");

    private MueReader() {
    }

    /** The effective date in an MUE file name, or null when the name is not an MUE practitioner file name. */
    public static LocalDate effectiveDate(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static final CsvTable TABLE = new CsvTable("HCPCS/CPT Code",
            first -> first.replaceAll("\\s+", "").toUpperCase().startsWith("HCPCS"), 3, MueReader::problem);

    public static ReadReport read(String fileName, InputStream in, Consumer<MueRow> sink) throws IOException {
        return TABLE.read(fileName, in, cells -> {
            String mai = cells.get(2).trim();
            sink.accept(new MueRow(cells.get(0).trim(), Integer.parseInt(cells.get(1).trim()), mai.charAt(0) - '0', mai,
                    cells.size() > 3 ? cells.get(3).trim() : ""));
        });
    }

    private static String problem(List<String> cells) {
        if (cells.size() < 3) {
            return "expected 4 columns, found " + cells.size();
        }
        if (!Codes.isCode(cells.get(0).trim())) {
            return "'" + cells.get(0).trim() + "' is not a five-character code";
        }
        String value = cells.get(1).trim();
        if (!value.matches("\\d{1,6}")) {
            return "MUE value must be a whole number, not '" + value + "'";
        }
        String mai = cells.get(2).trim();
        if (mai.isEmpty() || mai.charAt(0) < '1' || mai.charAt(0) > '3') {
            return "MUE adjudication indicator must start with 1, 2 or 3, not '" + mai + "'";
        }
        return null;
    }
}
