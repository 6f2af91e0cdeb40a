package org.claimscrubber.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimscrubber.serde.RestSchemaRegistry;
import org.claimscrubber.serde.SchemaRegistryException;
import org.claimscrubber.stream.CommittedRecords;
import org.claimscrubber.stream.OnEmbeddedBroker;
import org.junit.jupiter.api.Test;

/** The embedded broker and registry, as the base of every broker test starts them. */
class EmbeddedServicesTest extends OnEmbeddedBroker {
    private static final Schema V1 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Claim\",\"namespace\":\"com.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

    @Test
    void brokerAcceptsAndServesRecordsAndSurvivesARestart() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
        }
        produce(kafka, "a");
        kafka.stop();
        kafka.restart();
        produce(kafka, "b");

        assertEquals(List.of("a", "b"), consume(kafka));
    }

    private static void produce(EmbeddedKafka kafka, String value) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>("t", "k", value)).get();
        }
    }

    private static List<String> consume(EmbeddedKafka kafka) {
        return CommittedRecords.readAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), "t").stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void registrySpeaksTheConfluentRestSubset() throws Exception {
        RestSchemaRegistry client = new RestSchemaRegistry(List.of(registry.url()), null);

        int id = client.register("claims-value", V1);

        assertEquals(id, client.register("claims-value", V1));
        assertEquals(id, client.lookup("claims-value", V1));
        assertEquals(V1, client.schemaById(id));
        assertEquals(1, client.latest("claims-value").version());
        assertTrue(client.compatible("unknown-subject", V1));
        assertEquals(40403, assertCode(() -> client.schemaById(99)));
        assertEquals(40401, assertCode(() -> client.latest("nope")));
        HttpResponse<String> invalid = post(registry.url() + "/subjects/x/versions", "{\"schema\":\"{not avro\"}");
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body().contains("\"error_code\":42201"), invalid.body());
        HttpResponse<String> incompatible = post(registry.url() + "/subjects/claims-value/versions",
                "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Claim\\\",\\\"namespace\\\":\\\"com.example\\\","
                        + "\\\"fields\\\":[{\\\"name\\\":\\\"n\\\",\\\"type\\\":\\\"int\\\"}]}\"}");
        assertEquals(409, incompatible.statusCode());
        assertEquals(404, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.url()
                + "/associations/resources/x")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.url() + "/config")).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("BACKWARD"));
    }

    private static int assertCode(Runnable call) {
        try {
            call.run();
        } catch (SchemaRegistryException e) {
            return e.errorCode();
        }
        throw new AssertionError("no registry error");
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
