package org.claimscrubber.reference;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's GPCI file ({@code GPCI2026.csv}, Addendum E of the RVU release) as published: a title row, a header whose
 * first cell is {@code Medicare Administrative Contractor (MAC)} and whose GPCI columns name the year, one row per
 * locality (MAC, state, locality number with its leading zero, name, work, PE and MP GPCIs), then footnotes. The
 * year comes from the file name and must be the year the header names. Footnotes ({@code *Work GPCI reflects a 1.5
 * floor in Alaska}) are attached to the rows whose names carry their markers, so the rows are handed on at the end.
 */
public final class GpciReader {
    static final Pattern FILE_NAME = Pattern.compile("(?i)GPCI(\\d{4})[^/]*\\.csv");
    private static final Pattern HEADER_YEAR = Pattern.compile("(\\d{4})\\s+PW\\s+GPCI", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile("(\\*+)\\s*$");
    private static final Pattern FOOTNOTE = Pattern.compile("^(\\*+)\\s*(.*)$", Pattern.DOTALL);

    private GpciReader() {
    }

    /** The year a GPCI file name carries, or null when the name is not a GPCI file's. */
    public static Integer year(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    public static ReadReport read(String fileName, InputStream in, Consumer<GpciRow> sink) throws IOException {
        ReadReport report = new ReadReport(fileName);
        TextRecords records = TextRecords.csv(ReferenceText.open(fileName, in));
        boolean header = false;
        boolean workFloor = false;
        List<String[]> rows = new ArrayList<>();
        Map<String, String> footnotes = new LinkedHashMap<>();
        for (List<String> cells = records.next(); cells != null; cells = records.next()) {
            if (TextRecords.blank(cells)) {
                continue;
            }
            String first = cells.get(0).strip();
            if (!header) {
                if (first.toUpperCase().startsWith("MEDICARE ADM")) {
                    header = true;
                    workFloor = header(fileName, records.recordLine(), cells);
                }
                continue;
            }
            if (first.startsWith("*")) {
                Matcher m = FOOTNOTE.matcher(first);
                if (m.matches()) {
                    footnotes.put(m.group(1), m.group(2).strip());
                }
                continue;
            }
            if (!first.matches("\\d+") && gpcisBlank(cells)) {
                continue;
            }
            if (!report.admit(records, problem(cells))) {
                continue;
            }
            rows.add(new String[] {first, cells.get(1).strip(), cells.get(2).strip(), cells.get(3).strip(), cells.get(4).strip(),
                    cells.get(5).strip(), cells.get(6).strip()});
        }
        if (!header) {
            throw new ReferenceException(fileName, 0, "no header row whose first cell is 'Medicare Administrative Contractor (MAC)'");
        }
        report.requireRows();
        for (String[] r : rows) {
            sink.accept(new GpciRow(pad(r[0], 5), r[1].toUpperCase(), pad(r[2], 2), r[3], new BigDecimal(r[4]), new BigDecimal(r[5]),
                    new BigDecimal(r[6]), workFloor, notes(r[3], footnotes)));
        }
        return report;
    }

    /** Checks that the header names the file's year; returns whether its work GPCIs carry the 1.0 floor. */
    private static boolean header(String fileName, long line, List<String> cells) {
        if (cells.size() < 7) {
            throw new ReferenceException(fileName, line, "header has " + cells.size() + " columns, expected 7 (MAC, state, "
                    + "locality number, locality name, PW, PE and MP GPCI)");
        }
        Matcher m = HEADER_YEAR.matcher(cells.get(4));
        Integer year = year(fileName);
        if (m.find() && year != null && Integer.parseInt(m.group(1)) != year) {
            throw new ReferenceException(fileName, line, "the header names " + m.group(1) + " GPCIs but the file name says " + year
                    + ": GPCIs must be those of the year of the RVU release they price");
        }
        return cells.get(4).toUpperCase().contains("1.0 FLOOR");
    }

    private static String notes(String name, Map<String, String> footnotes) {
        Matcher m = MARKER.matcher(name);
        if (!m.find()) {
            return "";
        }
        String note = footnotes.get(m.group(1));
        return note == null ? "" : note;
    }

    private static boolean gpcisBlank(List<String> cells) {
        for (int i = 4; i < Math.min(cells.size(), 7); i++) {
            if (!cells.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String problem(List<String> cells) {
        if (cells.size() < 7) {
            return "expected 7 columns, found " + cells.size();
        }
        if (!cells.get(0).strip().matches("\\d{4,5}")) {
            return "MAC number must be 5 digits, not '" + cells.get(0).strip() + "'";
        }
        if (!cells.get(1).strip().matches("[A-Za-z]{2}")) {
            return "state must be a two-letter code, not '" + cells.get(1).strip() + "'";
        }
        if (!cells.get(2).strip().matches("\\d{1,2}")) {
            return "locality number must be 1 or 2 digits, not '" + cells.get(2).strip() + "'";
        }
        String[] names = {"PW", "PE", "MP"};
        for (int i = 4; i < 7; i++) {
            String problem = gpci(names[i - 4], cells.get(i).strip());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String gpci(String name, String cell) {
        try {
            BigDecimal v = new BigDecimal(cell);
            return v.signum() > 0 && v.compareTo(BigDecimal.TEN) < 0 ? null : name + " GPCI " + cell + " is out of range";
        } catch (NumberFormatException e) {
            return name + " GPCI must be a number, not '" + cell + "'";
        }
    }

    static String pad(String digits, int width) {
        StringBuilder s = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            s.append('0');
        }
        return s.append(digits).toString();
    }
}
