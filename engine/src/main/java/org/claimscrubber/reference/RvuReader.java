package org.claimscrubber.reference;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CMS PPRRVU file ({@code PPRRVU2026_Jan_nonQPP.csv}): notice rows, a header row whose first cell is
 * {@code HCPCS}, then 31 columns by position. The release's effective date is the first day of the month
 * that the file name names.
 */
public final class RvuReader {
    static final Pattern FILE_NAME = Pattern.compile("(?i)PPRRVU(\\d{4}|\\d{2})_([A-Za-z]{3})[^/]*\\.csv");
    private static final int MIN_COLUMNS = 25;

    private RvuReader() {
    }

    /** The release date a PPRRVU file name carries, or null when it is not such a name. */
    public static LocalDate effectiveDate(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 100) {
            year += 2000;
        }
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(m.group(2))) {
                return LocalDate.of(year, month, 1);
            }
        }
        return null;
    }

    private static final CsvTable TABLE = new CsvTable("HCPCS", first -> first.trim().equalsIgnoreCase("HCPCS"), MIN_COLUMNS,
            RvuReader::problem);

    public static ReadReport read(String fileName, InputStream in, Consumer<CatalogRow> sink) throws IOException {
        return TABLE.read(fileName, in, cells -> sink.accept(row(cells)));
    }

    private static String problem(List<String> cells) {
        if (cells.size() < MIN_COLUMNS) {
            return "expected 31 columns, found " + cells.size();
        }
        String code = cells.get(0).trim();
        if (!Codes.isCode(code)) {
            return "'" + code + "' is not a five-character code";
        }
        if (cells.get(3).trim().isEmpty()) {
            return "no status code";
        }
        for (int column : new int[] {5, 6, 8, 10, 24}) {
            if (number(cells.get(column)) == null && !isBlank(cells.get(column))) {
                return "column " + (column + 1) + " must be a number, not '" + cells.get(column).trim() + "'";
            }
        }
        return null;
    }

    private static CatalogRow row(List<String> c) {
        return new CatalogRow(c.get(0).trim(), c.get(1).trim(), c.get(2).trim(), c.get(3).trim(),
                number(c.get(5)), number(c.get(6)), isNa(c.get(7)), number(c.get(8)), isNa(c.get(9)), number(c.get(10)),
                c.get(13).trim(), c.get(14).trim(), c.get(18).trim(), c.get(19).trim(), number(c.get(24)), c.get(20).trim());
    }

    private static boolean isNa(String cell) {
        return cell.trim().equalsIgnoreCase("NA");
    }

    private static boolean isBlank(String cell) {
        String t = cell.trim();
        return t.isEmpty() || t.equalsIgnoreCase("NA");
    }

    private static BigDecimal number(String cell) {
        String t = cell.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("NA")) {
            return null;
        }
        try {
            return new BigDecimal(t).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
