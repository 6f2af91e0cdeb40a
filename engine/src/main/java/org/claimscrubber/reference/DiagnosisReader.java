package org.claimscrubber.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's ICD-10-CM order file ({@code icd10cm_order_<YYYY>.txt}, fixed width): columns 1-5 the order number,
 * 7-13 the code without the dot, 15 {@code 1} for a billable code or {@code 0} for a header, 17-76 the short and 78-
 * the long description. Fiscal year YYYY starts on October 1 of YYYY-1; CMS gives its April update the same file
 * name, so an April file is recognised by {@code april} after the year ({@code icd10cm_order_2026_april.txt}) and is in
 * force from April 1 of YYYY.
 */
public final class DiagnosisReader {
    static final Pattern FILE_NAME = Pattern.compile("(?i)icd10cm[_-]order[_-](\\d{4})(?:[_-]?(april|apr))?[^/]*\\.txt");
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");

    private DiagnosisReader() {
    }

    /** The date from which the file's code set is in force, or null when the name is not an order file's. */
    public static LocalDate effectiveDate(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        return m.group(2) == null ? LocalDate.of(year - 1, 10, 1) : LocalDate.of(year, 4, 1);
    }

    /** Reads the file; {@code sink} gets each code (no dot) and whether it is billable. */
    public static ReadReport read(String fileName, InputStream in, CodeSink sink) throws IOException {
        ReadReport report = new ReadReport(fileName);
        BufferedReader reader = new BufferedReader(ReferenceText.open(fileName, in));
        long number = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String problem = problem(line);
            if (problem != null) {
                report.rejected(number, problem);
                continue;
            }
            sink.code(line.substring(6, 13).strip(), line.charAt(14) == '1');
            report.accepted();
        }
        if (report.rows() == 0) {
            throw new ReferenceException(fileName, number, "no ICD-10-CM codes (expected the fixed-width order file)");
        }
        return report;
    }

    /** Receives one code of the order file. */
    public interface CodeSink {
        void code(String code, boolean billable);
    }

    private static String problem(String line) {
        if (line.length() < 15) {
            return "a line of the order file has at least 15 characters, this one " + line.length();
        }
        if (!line.substring(0, 5).strip().matches("\\d{1,5}")) {
            return "columns 1-5 must hold the order number, not '" + line.substring(0, 5) + "'";
        }
        String code = line.substring(6, 13).strip();
        if (!CODE.matcher(code).matches()) {
            return "columns 7-13 must hold an ICD-10-CM code without the dot, not '" + code + "'";
        }
        char flag = line.charAt(14);
        if (flag != '0' && flag != '1') {
            return "column 15 must be 1 (billable) or 0 (header), not '" + flag + "'";
        }
        return null;
    }
}
