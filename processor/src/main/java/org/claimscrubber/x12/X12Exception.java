package org.claimscrubber.x12;

/**
 * Bytes that cannot be read as X12 at all (no ISA, a broken envelope, a stream cut off before its IEA): nothing of
 * them is used. {@code segmentPosition} is the segment count from the start where reading stopped (0 = before the
 * first segment).
 */
public final class X12Exception extends RuntimeException {
    private final int segmentPosition;

    public X12Exception(String message, int segmentPosition, Throwable cause) {
        super(message, cause);
        this.segmentPosition = segmentPosition;
    }

    public int segmentPosition() {
        return segmentPosition;
    }
}
