package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimscrubber.serde.AvroSerde;
import org.junit.jupiter.api.Test;

class TopicRegistryTest {

    @Test
    void claimTopicsKeepTheirConfiguredNamesAndSerdes() {
        TopicRegistry topics = TopicRegistry.from(Map.of("schema.registry.url", "mock://topic-registry",
                Topics.SUBMITTED_CONFIG, "in", DeadLetters.TOPIC_CONFIG, "dead"));

        assertEquals("in", topics.submitted().name());
        assertEquals(Topics.DEFAULT_ACCEPTED, topics.accepted().name());
        assertEquals(Topics.DEFAULT_FLAGGED, topics.flagged().name());
        assertEquals("dead", topics.dlq().name());
        assertInstanceOf(StringSerializer.class, topics.submitted().keySerde().serializer());
        assertInstanceOf(AvroSerde.class, topics.submitted().valueSerde());
        assertInstanceOf(AvroSerde.class, topics.flagged().valueSerde());
        assertInstanceOf(ByteArraySerializer.class, topics.dlq().valueSerde().serializer());
        assertSame(topics.submitted(), topics.submitted(), "built once");
    }

    @Test
    void referenceTopicsAreTheLoadOrderRowsThenPoliciesAndLoadsWithStringKeysAndBytes() {
        TopicRegistry topics = TopicRegistry.from(Map.of());

        assertEquals(ReferenceRecords.ROW_TOPICS, topics.referenceRows().stream().map(Topic::name).toList());
        assertEquals(List.of(ReferenceRecords.POLICIES, ReferenceRecords.LOADS), List.of(topics.policies().name(), topics.loads().name()));
        assertSame(topics.loads(), topics.reference(ReferenceRecords.LOADS));
        assertEquals(ReferenceRecords.PTP, topics.reference(ReferenceRecords.PTP).name());
        assertInstanceOf(StringSerializer.class, topics.loads().keySerde().serializer());
        assertInstanceOf(ByteArraySerializer.class, topics.loads().valueSerde().serializer());
    }
}
