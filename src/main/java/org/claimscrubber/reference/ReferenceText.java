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

/** Opens CMS text files: latin-1 as CMS publishes them, or UTF-8 when the file starts with a byte-order mark. */
final class ReferenceText {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private ReferenceText() {
    }

    static Reader open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new InputStreamReader(in, StandardCharsets.UTF_8);
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
