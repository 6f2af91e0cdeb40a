package org.claimscrubber.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams records out of CMS text files: tab-delimited lines, or CSV records whose quoted cells may hold
 * line breaks. Tracks the physical line where each record starts and whether the record was ended by a
 * line break, so a file cut off mid-record can be told from a complete one.
 */
final class TextRecords {
    private final Reader in;
    private final char delimiter;
    private final boolean quoted;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private long line = 1;
    private long recordLine;
    private boolean terminated;
    private boolean endedInsideQuotes;
    private final StringBuilder cell = new StringBuilder();

    private TextRecords(Reader in, char delimiter, boolean quoted) {
        this.in = in;
        this.delimiter = delimiter;
        this.quoted = quoted;
    }

    static TextRecords tabs(Reader in) {
        return new TextRecords(in, '\t', false);
    }

    static TextRecords csv(Reader in) {
        return new TextRecords(in, ',', true);
    }

    /** The physical line on which the last record started. */
    long recordLine() {
        return recordLine;
    }

    /** Whether the last record ended with a line break (false for a file cut off inside its last record). */
    boolean terminated() {
        return terminated;
    }

    /** Whether the input ended inside a quoted cell (a file cut off mid-record). */
    boolean endedInsideQuotes() {
        return endedInsideQuotes;
    }

    /** The next record's cells, or null at the end of input. */
    List<String> next() {
        int c = read();
        if (c < 0) {
            return null;
        }
        recordLine = line;
        terminated = false;
        List<String> cells = new ArrayList<>(32);
        cell.setLength(0);
        boolean inQuotes = false;
        boolean wasQuoted = false;
        while (c >= 0) {
            if (inQuotes) {
                if (c == '"') {
                    int n = peek();
                    if (n == '"') {
                        read();
                        cell.append('"');
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                terminated = true;
                break;
            } else if (c == '"' && quoted && cell.length() == 0 && !wasQuoted) {
                inQuotes = true;
                wasQuoted = true;
            } else {
                cell.append((char) c);
            }
            c = read();
        }
        endedInsideQuotes = inQuotes;
        cells.add(cell.toString());
        return cells;
    }

    private int read() {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buffer[pos++];
    }

    private int peek() {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buffer[pos];
    }

    private boolean fill() {
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when every cell is blank. */
    static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
