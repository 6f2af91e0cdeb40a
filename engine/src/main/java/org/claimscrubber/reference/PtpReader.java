package org.claimscrubber.reference;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CMS NCCI practitioner PTP file ({@code ccipra-vNNNrN-fN.txt}) as CMS publishes it: notice and
 * wrapped header lines first, then tab-delimited rows of seven fields. Streams: one row at a time.
 */
public final class PtpReader {
    static final Pattern FILE_NAME = Pattern.compile("(?i)(ccipra-v\\d+r\\d+)-f\\d+.*\\.txt");

    private PtpReader() {
    }

    /** The PTP version a file name carries ({@code ccipra-v322r0}), or null when it is not a PTP file name. */
    public static String version(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        return m.matches() ? m.group(1).toLowerCase() : null;
    }

    /** The version and part a PTP file name carries ({@code ccipra-v322r0-f1}), or null. */
    public static String part(String fileName) {
        Matcher m = Pattern.compile("(?i)(ccipra-v\\d+r\\d+-f\\d+)").matcher(fileName);
        return m.find() ? m.group(1).toLowerCase() : null;
    }

    public static ReadReport read(String fileName, InputStream in, Consumer<PtpRow> sink) throws IOException {
        String source = version(fileName);
        if (source == null) {
            source = fileName.replaceFirst("(?i)\\.txt$", "");
        }
        ReadReport report = new ReadReport(fileName);
        TextRecords records = TextRecords.tabs(ReferenceText.open(fileName, in));
        boolean inData = false;
        for (List<String> cells = records.next(); cells != null; cells = records.next()) {
            if (TextRecords.blank(cells)) {
                continue;
            }
            String problem = problem(cells);
            if (problem == null && !records.terminated()) {
                problem = "truncated last line (no line end): " + String.join("|", cells);
            }
            if (problem == null) {
                inData = true;
                report.accepted();
                sink.accept(row(cells, source));
            } else if (inData || Codes.isCode(cells.get(0).trim())) {
                report.rejected(records.recordLine(), problem);
            }
        }
        report.requireRows();
        return report;
    }

    private static String problem(List<String> cells) {
        if (cells.size() < 6) {
            return "expected 7 tab-separated fields, found " + cells.size();
        }
        if (!Codes.isCode(cells.get(0).trim()) || !Codes.isCode(cells.get(1).trim())) {
            return "column 1 and column 2 must be five-character codes";
        }
        String exists = cells.get(2).trim();
        if (!exists.isEmpty() && !exists.equals("*")) {
            return "the pre-1996 field must be '*' or empty, not '" + exists + "'";
        }
        if (ReferenceText.basicDate(cells.get(3).trim()) == null) {
            return "effective date must be YYYYMMDD, not '" + cells.get(3).trim() + "'";
        }
        String deletion = cells.get(4).trim();
        if (!deletion.equals("*") && ReferenceText.basicDate(deletion) == null) {
            return "deletion date must be YYYYMMDD or '*', not '" + deletion + "'";
        }
        String indicator = cells.get(5).trim();
        if (!indicator.equals("0") && !indicator.equals("1") && !indicator.equals("9")) {
            return "modifier indicator must be 0, 1 or 9, not '" + indicator + "'";
        }
        return null;
    }

    private static PtpRow row(List<String> cells, String source) {
        String deletion = cells.get(4).trim();
        LocalDate deleted = deletion.equals("*") ? null : ReferenceText.basicDate(deletion);
        String rationale = cells.size() > 6 ? cells.get(6).trim() : "";
        return new PtpRow(cells.get(0).trim(), cells.get(1).trim(), cells.get(2).trim().equals("*"),
                ReferenceText.basicDate(cells.get(3).trim()), deleted, cells.get(5).trim().charAt(0) - '0', rationale, source);
    }
}
