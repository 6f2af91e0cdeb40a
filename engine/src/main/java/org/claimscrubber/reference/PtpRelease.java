package org.claimscrubber.reference;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarterly NCCI PTP release as its files name it ({@code ccipra-v322r0}: version 322, revision 0), ordered by
 * version, then revision. A source that names no release sorts before every release.
 */
public record PtpRelease(int version, int revision) implements Comparable<PtpRelease> {
    private static final Pattern VERSION = Pattern.compile("(?i)v(\\d{1,9})r(\\d{1,9})");
    private static final PtpRelease NONE = new PtpRelease(-1, -1);

    /** The release a row's source or a file name carries. */
    public static PtpRelease of(String source) {
        Matcher m = source == null ? null : VERSION.matcher(source);
        return m != null && m.find() ? new PtpRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : NONE;
    }

    /** One number that orders releases as {@link #compareTo} does. */
    long order() {
        return ((long) version << 32) | (revision & 0xffffffffL);
    }

    @Override
    public int compareTo(PtpRelease other) {
        return Long.compare(order(), other.order());
    }
}
