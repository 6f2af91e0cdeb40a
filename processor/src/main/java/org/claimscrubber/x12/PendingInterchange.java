package org.claimscrubber.x12;

import java.nio.ByteBuffer;

/**
 * What the intake leaves for the 277CA step: the input record's bytes, the interchange's control number and claim
 * count, and when it arrived. Encoded as {@code [arrival ms][claims][control length][control][sender length][sender][record]}.
 */
record PendingInterchange(long arrivedMs, int claims, String controlNumber, String sender, byte[] record) {

    /** The key that groups an interchange with the decisions on its claims: {@code x12:<ISA06>:<ISA13>}. */
    static String key(String sender, String controlNumber) {
        return "x12:" + sender + ":" + controlNumber;
    }

    /** The interchange key of an event id the reader made ({@code x12:<ISA06>:<ISA13>:<GS06>:<ST02>:<n>}), or null. */
    static String keyOfEvent(String eventId) {
        if (eventId == null || !eventId.startsWith("x12:")) {
            return null;
        }
        int end = eventId.length();
        for (int i = 0; i < 3; i++) {
            end = eventId.lastIndexOf(':', end - 1);
            if (end < 4) {
                return null;
            }
        }
        return eventId.substring(0, end);
    }

    byte[] encode() {
        byte[] c = controlNumber.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] s = sender.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + 4 + 4 + c.length + 4 + s.length + record.length).putLong(arrivedMs).putInt(claims)
                .putInt(c.length).put(c).putInt(s.length).put(s).put(record).array();
    }

    static PendingInterchange decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long arrived = b.getLong();
        int claims = b.getInt();
        byte[] c = new byte[b.getInt()];
        b.get(c);
        byte[] s = new byte[b.getInt()];
        b.get(s);
        byte[] record = new byte[b.remaining()];
        b.get(record);
        return new PendingInterchange(arrived, claims, new String(c, java.nio.charset.StandardCharsets.UTF_8),
                new String(s, java.nio.charset.StandardCharsets.UTF_8), record);
    }
}
