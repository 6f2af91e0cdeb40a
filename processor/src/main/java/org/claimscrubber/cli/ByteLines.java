package org.claimscrubber.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as bytes, split where {@link java.io.BufferedReader#readLine} splits ({@code \n}, {@code \r}
 * or {@code \r\n}; a last line without terminator counts), so line numbers match; nothing is decoded. A line lies in
 * {@link #bytes()} from {@link #start()} for {@link #length()} bytes, valid until the next call of {@link #next()}.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buffer;
    private int position;
    private int limit;
    private int start;
    private int length;
    private boolean afterCarriageReturn;
    private boolean ended;

    ByteLines(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int from = position;
        while (true) {
            for (int i = position; i < limit; i++) {
                byte b = buffer[i];
                if (b == '\n' && afterCarriageReturn && i == from) {
                    afterCarriageReturn = false;
                    from = i + 1;
                    continue;
                }
                afterCarriageReturn = false;
                if (b == '\n' || b == '\r') {
                    afterCarriageReturn = b == '\r';
                    start = from;
                    length = i - from;
                    position = i + 1;
                    return true;
                }
            }
            if (ended) {
                position = limit;
                if (limit > from) {
                    start = from;
                    length = limit - from;
                    return true;
                }
                return false;
            }
            int scanned = fill(from);
            from = 0;
            position = scanned;
        }
    }

    /** Moves the unfinished line to the front (growing the buffer for a long line), reads more; the bytes already scanned. */
    private int fill(int from) throws IOException {
        int kept = limit - from;
        if (from > 0) {
            System.arraycopy(buffer, from, buffer, 0, kept);
        } else if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        limit = kept;
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            ended = true;
        } else {
            limit += read;
        }
        return kept;
    }

    byte[] bytes() {
        return buffer;
    }

    int start() {
        return start;
    }

    int length() {
        return length;
    }
}
