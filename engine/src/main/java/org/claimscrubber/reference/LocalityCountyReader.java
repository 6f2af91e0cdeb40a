package org.claimscrubber.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's locality-to-county file ({@code <YY>LOCCO.csv}) as published: a title, a header whose first cell is
 * {@code Medicare Adminstrative Contractor} (CMS's spelling), then rows of MAC, locality number, state, fee schedule
 * area and counties, separated by empty rows; a state is named on its first row only, and numbers lose their leading
 * zeros. The year is 20YY from the file name.
 */
public final class LocalityCountyReader {
    static final Pattern FILE_NAME = Pattern.compile("(?i)(\\d{2})LOCCO[^/]*\\.csv");

    private LocalityCountyReader() {
    }

    /** The year a LOCCO file name carries, or null when the name is not one. */
    public static Integer year(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        return m.matches() ? Integer.valueOf(2000 + Integer.parseInt(m.group(1))) : null;
    }

    public static ReadReport read(String fileName, InputStream in, Consumer<LocalityCounty> sink) throws IOException {
        ReadReport report = new ReadReport(fileName);
        TextRecords records = TextRecords.csv(ReferenceText.open(fileName, in));
        boolean header = false;
        String state = "";
        for (List<String> cells = records.next(); cells != null; cells = records.next()) {
            if (TextRecords.blank(cells)) {
                continue;
            }
            String first = cells.get(0).strip();
            if (!header) {
                header = first.toUpperCase().startsWith("MEDICARE ADM");
                if (header && cells.size() < 5) {
                    throw new ReferenceException(fileName, records.recordLine(), "header has " + cells.size()
                            + " columns, expected 5 (MAC, locality number, state, fee schedule area, counties)");
                }
                continue;
            }
            if (!first.matches("\\d+") && (cells.size() < 2 || cells.get(1).isBlank())) {
                continue;
            }
            if (!report.admit(records, problem(cells))) {
                continue;
            }
            if (!cells.get(2).isBlank()) {
                state = cells.get(2).strip();
            }
            sink.accept(new LocalityCounty(GpciReader.pad(first, 5), GpciReader.pad(cells.get(1).strip(), 2), state,
                    cells.get(3).strip(), cells.get(4).strip()));
        }
        if (!header) {
            throw new ReferenceException(fileName, 0, "no header row whose first cell is 'Medicare Adminstrative Contractor'");
        }
        report.requireRows();
        return report;
    }

    private static String problem(List<String> cells) {
        if (cells.size() < 5) {
            return "expected 5 columns, found " + cells.size();
        }
        if (!cells.get(0).strip().matches("\\d{4,5}")) {
            return "MAC number must be 4 or 5 digits, not '" + cells.get(0).strip() + "'";
        }
        if (!cells.get(1).strip().matches("\\d{1,2}")) {
            return "locality number must be 1 or 2 digits, not '" + cells.get(1).strip() + "'";
        }
        return null;
    }
}
