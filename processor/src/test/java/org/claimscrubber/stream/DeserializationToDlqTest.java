package org.claimscrubber.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.avro.AvroTypeException;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.claimscrubber.serde.RegistryUnavailableException;
import org.claimscrubber.serde.SchemaRegistryException;
import org.junit.jupiter.api.Test;

/** Which unreadable records are the record's fault (DLQ, go on) and which are the registry's (stop, nothing skipped). */
class DeserializationToDlqTest {
    private static final byte[] KEY = {1};
    private static final byte[] VALUE = {0, 0, 0, 0, 7, 2};

    private static Response handle(Exception e) {
        DeserializationToDlq handler = new DeserializationToDlq();
        handler.configure(Map.of(DeadLetters.TOPIC_CONFIG, "test.dlq"));
        return handler.handleError(new Context(), new ConsumerRecord<>("claims.submitted", 0, 42L, KEY, VALUE), e);
    }

    @Test
    void anUnavailableRegistryStopsTheClientWithoutDeadLettering() {
        Response direct = handle(new RegistryUnavailableException("schema registry unavailable: answered HTTP 401", 401, null));
        Response wrapped = handle(new SerializationException("cannot read", new RegistryUnavailableException("refused", 0, null)));

        assertEquals(Result.FAIL, direct.result());
        assertEquals(0, direct.deadLetterQueueRecords().size());
        assertEquals(Result.FAIL, wrapped.result());
        assertEquals(0, wrapped.deadLetterQueueRecords().size());
    }

    @Test
    void aRegistryErrorThatIsNotAboutTheRecordStopsTheClient() {
        assertEquals(Result.FAIL, handle(new SchemaRegistryException(50001, "Error in the backend data store")).result());
        assertEquals(Result.FAIL, handle(new SchemaRegistryException(401, "Unauthorized")).result());
    }

    @Test
    void anUnknownSchemaIdIsDeadLettered() {
        Response r = handle(new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema 7 not found"));

        assertEquals(Result.RESUME, r.result());
        assertEquals(1, r.deadLetterQueueRecords().size());
        assertEquals("test.dlq", r.deadLetterQueueRecords().get(0).topic());
    }

    @Test
    void aSchemaThatCannotBeParsedOrResolvedIsDeadLettered() {
        assertEquals(Result.RESUME, handle(new SchemaParseException("not a schema")).result());
        assertEquals(Result.RESUME, handle(new SerializationException("cannot read", new AvroTypeException("missing field"))).result());
        assertEquals(Result.RESUME, handle(new SerializationException("Unknown magic byte")).result());
    }

    private static final class Context implements ErrorHandlerContext {
        @Override
        public String topic() {
            return "claims.submitted";
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 42;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "read-claims";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        @Override
        public long timestamp() {
            return 1L;
        }

        @Override
        public byte[] sourceRawKey() {
            return KEY;
        }

        @Override
        public byte[] sourceRawValue() {
            return VALUE;
        }
    }
}
