package org.claimscrubber.reference;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Opens CMS text files as CMS publishes them: latin-1, and never with a byte-order mark. */
final class ReferenceText {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private ReferenceText() {
    }

    /** Refuses a file that starts with a UTF-8 byte-order mark: CMS files have none, so it was re-saved by another tool. */
    static Reader open(String fileName, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            throw new ReferenceException(fileName, 1, "starts with a UTF-8 byte-order mark, which CMS files do not have: "
                    + "the file was re-saved by another tool; load the file as CMS publishes it");
        }
        in.reset();
        return new InputStreamReader(in, StandardCharsets.ISO_8859_1);
    }

    /** Parses {@code YYYYMMDD}, or returns null. */
    static LocalDate basicDate(String text) {
        if (text.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(text, BASIC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
