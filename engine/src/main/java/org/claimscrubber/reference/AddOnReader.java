package org.claimscrubber.reference;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's Medicare add-on code edit file ({@code AOC_V<YYYY>Q<N>-MCR.xlsx}), a spreadsheet as published: a notice
 * row, then a header row naming the columns ({@code AOC_Edit_Type}, {@code Add-On_Code}, {@code AOC_DelDT},
 * {@code Primary_Code}, {@code Primary_Code_DelDT}, {@code AOC_Edit_EffDT}, {@code AOC_Edit_DelDT}), then one row
 * per add-on/primary pair. Dates are {@code YYYYDDD} (year and day of the year).
 */
public final class AddOnReader {
    static final Pattern FILE_NAME = Pattern.compile("(?i)AOC_V(\\d{4})Q([1-4])(?:[-_].*)?\\.xlsx");
    private static final List<String> COLUMNS = List.of("AOC_Edit_Type", "Add-On_Code", "AOC_DelDT", "Primary_Code",
            "Primary_Code_DelDT", "AOC_Edit_EffDT", "AOC_Edit_DelDT");

    private AddOnReader() {
    }

    /** The release in an add-on code file name ({@code AOC_V2026Q2}), or null when the name is not one. */
    public static String release(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        return m.matches() ? "AOC_V" + m.group(1) + "Q" + m.group(2) : null;
    }

    public static ReadReport read(String fileName, InputStream in, Consumer<AddOnRow> sink) throws IOException {
        ReadReport report = new ReadReport(fileName);
        Map<String, Integer> columns = new HashMap<>();
        XlsxSheet.read(fileName, in, (row, cells) -> {
            if (columns.isEmpty()) {
                if (cells.size() > 0 && "AOC_Edit_Type".equalsIgnoreCase(text(cells, 0))) {
                    for (int i = 0; i < cells.size(); i++) {
                        if (cells.get(i) != null) {
                            columns.put(cells.get(i).trim().toUpperCase(), i);
                        }
                    }
                    for (String c : COLUMNS) {
                        if (!columns.containsKey(c.toUpperCase())) {
                            throw new ReferenceException(fileName, row, "header has no column " + c);
                        }
                    }
                }
                return;
            }
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            try {
                sink.accept(row(cells, columns));
                report.accepted();
            } catch (IllegalArgumentException | DateTimeException e) {
                report.rejected(row, e.getMessage());
            }
        });
        if (columns.isEmpty()) {
            throw new ReferenceException(fileName, 0, "no header row starting with AOC_Edit_Type");
        }
        if (report.rows() == 0) {
            throw new ReferenceException(fileName, 0, "no add-on code rows");
        }
        return report;
    }

    private static AddOnRow row(List<String> cells, Map<String, Integer> columns) {
        String type = cell(cells, columns, "AOC_Edit_Type");
        if (!type.matches("[123]")) {
            throw new IllegalArgumentException("edit type must be 1, 2 or 3, not '" + type + "'");
        }
        String addOn = code(cell(cells, columns, "Add-On_Code"), "add-on code");
        String primary = cell(cells, columns, "Primary_Code").toUpperCase();
        if (!primary.equals(AddOnRow.CONTRACTOR_DEFINED)) {
            primary = code(primary, "primary code");
        }
        LocalDate effective = date(cell(cells, columns, "AOC_Edit_EffDT"), "AOC_Edit_EffDT");
        if (effective == null) {
            throw new IllegalArgumentException("AOC_Edit_EffDT is empty");
        }
        LocalDate deletion = earliest(date(cell(cells, columns, "AOC_DelDT"), "AOC_DelDT"),
                date(cell(cells, columns, "Primary_Code_DelDT"), "Primary_Code_DelDT"),
                date(cell(cells, columns, "AOC_Edit_DelDT"), "AOC_Edit_DelDT"));
        return new AddOnRow(type.charAt(0) - '0', addOn, primary, effective, deletion);
    }

    private static String code(String value, String what) {
        String code = value.toUpperCase();
        if (!Codes.isCode(code)) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a five-character code");
        }
        return code;
    }

    /** A {@code YYYYDDD} date; null for an empty cell. */
    static LocalDate date(String value, String column) {
        if (value.isEmpty()) {
            return null;
        }
        String v = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
        if (!v.matches("\\d{7}")) {
            throw new IllegalArgumentException(column + " must be a YYYYDDD date, not '" + value + "'");
        }
        return LocalDate.ofYearDay(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4)));
    }

    private static LocalDate earliest(LocalDate... dates) {
        LocalDate min = null;
        for (LocalDate d : dates) {
            if (d != null && (min == null || d.isBefore(min))) {
                min = d;
            }
        }
        return min;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        return text(cells, columns.get(name.toUpperCase()));
    }

    private static String text(List<String> cells, int i) {
        String v = i < cells.size() ? cells.get(i) : null;
        return v == null ? "" : v.trim();
    }
}
