package org.claimscrubber.x12;

/**
 * One error found in an interchange, at the level an acknowledgement reports it: an interchange error (TA1 note
 * code), a functional group error (AK9 code), a transaction set error (IK5 code), a segment error (IK3 code) or a
 * data element error (IK4 code). Positions: {@code segmentPosition} counts from the transaction set's ST (= 1) for
 * segment and element errors, and from the ISA (= 1) otherwise; {@code element} and {@code component} are 1-based,
 * 0 when the error is about the whole segment or element. {@code badData} is the value in error, or null.
 */
public record X12Error(Level level, String code, String segmentTag, int segmentPosition, int element, int component,
                       String badData, String message) {

    /** What the error is about, and so which acknowledgement segment reports it. */
    public enum Level { INTERCHANGE, GROUP, TRANSACTION, SEGMENT, ELEMENT }

    static X12Error element(String code, String tag, int position, int element, int component, String badData, String message) {
        return new X12Error(Level.ELEMENT, code, tag, position, element, component, badData, message);
    }

    static X12Error segment(String code, String tag, int position, String message) {
        return new X12Error(Level.SEGMENT, code, tag, position, 0, 0, null, message);
    }

    /** A short, single-line description with the position, for logs, stderr and DLQ headers (never patient data). */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(segmentTag == null ? "?" : segmentTag);
        if (element > 0) {
            s.append(String.format("%02d", element));
            if (component > 0) {
                s.append('-').append(component);
            }
        }
        s.append(" at segment ").append(segmentPosition).append(": ").append(message).append(" (").append(level.name().toLowerCase())
                .append(" code ").append(code).append(')');
        return s.toString();
    }
}
