package org.claimscrubber.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Keys each claim by its member id (a blank one by "", never null: the repartition would drop a null key) and
 * records where the claim came from in headers, so that a dead letter written after the repartition names the
 * input topic, partition, offset and key, and can be replayed as the original claim.
 */
final class KeyByMember implements Processor<String, WireClaim, String, WireClaim> {
    private ProcessorContext<String, WireClaim> context;

    @Override
    public void init(ProcessorContext<String, WireClaim> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, WireClaim> record) {
        String member = record.value().claim().getMemberId();
        Headers headers = record.headers();
        SourceHeaders.strip(headers);
        RecordMetadata source = context.recordMetadata().orElse(null);
        if (source != null) {
            headers.add(SourceHeaders.TOPIC, bytes(source.topic()));
            headers.add(SourceHeaders.PARTITION, bytes(Integer.toString(source.partition())));
            headers.add(SourceHeaders.OFFSET, bytes(Long.toString(source.offset())));
        }
        if (record.key() != null) {
            headers.add(SourceHeaders.KEY, bytes(record.key()));
        }
        context.forward(record.withKey(member == null || member.isBlank() ? "" : member));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
