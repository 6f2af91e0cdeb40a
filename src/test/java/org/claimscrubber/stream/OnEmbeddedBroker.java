package org.claimscrubber.stream;

import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that share one in-process broker and registry across their methods. */
abstract class OnEmbeddedBroker {
    static EmbeddedKafka kafka;
    static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startServices() throws Exception {
        kafka = EmbeddedKafka.start();
        registry = EmbeddedSchemaRegistry.start(0);
    }

    @AfterAll
    static void stopServices() {
        registry.close();
        kafka.close();
    }
}
