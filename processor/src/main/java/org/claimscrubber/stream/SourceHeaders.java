package org.claimscrubber.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The processor's own headers on the repartition topic: where a claim came from. Never written to an output or the DLQ. */
final class SourceHeaders {
    static final String PREFIX = "claimscrubber.source.";
    static final String TOPIC = PREFIX + "topic";
    static final String PARTITION = PREFIX + "partition";
    static final String OFFSET = PREFIX + "offset";
    static final String KEY = PREFIX + "key";

    private SourceHeaders() {
    }

    /** The header's value, or null. */
    static byte[] bytes(Headers headers, String key) {
        Header h = headers == null ? null : headers.lastHeader(key);
        return h == null ? null : h.value();
    }

    static String text(Headers headers, String key) {
        byte[] b = bytes(headers, key);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** Removes the processor's own headers (a record that arrived carrying them gets fresh ones). */
    static void strip(Headers headers) {
        for (String k : new String[] {TOPIC, PARTITION, OFFSET, KEY}) {
            headers.remove(k);
        }
    }
}
