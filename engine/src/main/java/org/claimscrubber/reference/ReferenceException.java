package org.claimscrubber.reference;

/** A reference file that cannot be used; names the file and, where there is one, the line. */
public class ReferenceException extends RuntimeException {
    private final String file;
    private final long line;

    public ReferenceException(String file, long line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
