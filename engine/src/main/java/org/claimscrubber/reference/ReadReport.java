package org.claimscrubber.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What reading one reference file yielded: rows accepted, and the rows rejected with their line numbers. */
public final class ReadReport {
    private static final int LISTED = 100;

    private final String file;
    private long rows;
    private long rejected;
    private final List<String> problems = new ArrayList<>();

    public ReadReport(String file) {
        this.file = file;
    }

    void accepted() {
        rows++;
    }

    /**
     * Counts the current record of {@code records} as accepted when {@code problem} is null and the record ended with a
     * line end, else as rejected (a last line without its line end is a cut-off file); returns whether it was accepted.
     */
    boolean admit(TextRecords records, String problem) {
        String wrong = problem == null && !records.terminated() ? "truncated last line (no line end)" : problem;
        if (wrong != null) {
            rejected(records.recordLine(), wrong);
            return false;
        }
        accepted();
        return true;
    }

    void rejected(long line, String reason) {
        rejected++;
        if (problems.size() < LISTED) {
            problems.add(file + ":" + line + ": " + reason);
        }
    }

    public String file() {
        return file;
    }

    public long rows() {
        return rows;
    }

    public long rejectedRows() {
        return rejected;
    }

    /** The first problems, each as {@code file:line: reason}. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /**
     * The rejected rows for a person to read, each as {@code file:line: reason} (the first {@value #LISTED}), and a last
     * line counting those not listed.
     */
    public List<String> rejections() {
        if (rejected <= problems.size()) {
            return problems();
        }
        List<String> lines = new ArrayList<>(problems);
        lines.add(file + ": " + (rejected - problems.size()) + " more rejected rows not listed");
        return lines;
    }

    void requireRows() {
        if (rows == 0) {
            throw new ReferenceException(file, 0, "no readable rows" + (problems.isEmpty() ? "" : "; first problem: " + problems.get(0)));
        }
    }

    @Override
    public String toString() {
        return file + ": " + rows + " rows" + (rejected > 0 ? ", " + rejected + " rejected" : "");
    }
}
