package org.claimscrubber.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The shape shared by CMS's CSV tables: notice records, a header record found by its first cell, then data
 * records checked one by one. Bad records are reported with their line; no header or no good row refuses the file.
 */
final class CsvTable {
    private final String headerName;
    private final Predicate<String> isHeader;
    private final int headerColumns;
    private final Function<List<String>, String> problem;

    /**
     * @param headerName how the header's first cell reads, for the error message
     * @param isHeader tells the header by its first cell
     * @param headerColumns the fewest columns a header may have
     * @param problem what is wrong with a data record, or null when it can be read
     */
    CsvTable(String headerName, Predicate<String> isHeader, int headerColumns, Function<List<String>, String> problem) {
        this.headerName = headerName;
        this.isHeader = isHeader;
        this.headerColumns = headerColumns;
        this.problem = problem;
    }

    interface RowSink {
        void accept(List<String> cells);
    }

    ReadReport read(String fileName, InputStream in, RowSink rows) throws IOException {
        ReadReport report = new ReadReport(fileName);
        TextRecords records = TextRecords.csv(ReferenceText.open(fileName, in));
        boolean header = false;
        for (List<String> cells = records.next(); cells != null; cells = records.next()) {
            if (TextRecords.blank(cells)) {
                continue;
            }
            if (!header) {
                header = isHeader.test(cells.get(0));
                if (header && cells.size() < headerColumns) {
                    throw new ReferenceException(fileName, records.recordLine(),
                            "header has " + cells.size() + " columns, expected at least " + headerColumns);
                }
                continue;
            }
            if (!report.admit(records, problem.apply(cells))) {
                continue;
            }
            rows.accept(cells);
        }
        if (records.endedInsideQuotes()) {
            throw new ReferenceException(fileName, records.recordLine(), "the file ends inside a quoted cell: it is cut off (a partial file)");
        }
        if (!header) {
            throw new ReferenceException(fileName, 0, "no header row whose first cell is '" + headerName + "'");
        }
        report.requireRows();
        return report;
    }
}
