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
