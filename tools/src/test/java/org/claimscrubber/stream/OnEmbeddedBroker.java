package org.claimscrubber.stream;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;
import org.claimscrubber.embedded.EmbeddedKafka;
import org.claimscrubber.embedded.EmbeddedSchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * The base of every broker test: one in-process broker and registry shared by a class's methods, started before
 * the first and closed after the last. The plain broker may be stopped and restarted ({@code kafka.stop()},
 * {@code kafka.restart()}); a class annotated {@link Secure} gets a SASL_SSL broker with the ACL authorizer instead.
 */
public abstract class OnEmbeddedBroker {
    /** The super user of a {@link Secure} broker. */
    protected static final String ADMIN = "admin";

    protected static EmbeddedKafka kafka;
    protected static EmbeddedSchemaRegistry registry;
    /** The super user's password on a {@link Secure} broker, new for each class; null on a plain broker. */
    protected static String adminPassword;

    /** Marks a test class whose broker listens on SASL_SSL only (SCRAM-SHA-512), nothing allowed without an ACL. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Inherited
    public @interface Secure {
    }

    @BeforeAll
    static void startServices(TestInfo test) throws Exception {
        boolean secure = test.getTestClass().map(c -> c.isAnnotationPresent(Secure.class)).orElse(false);
        if (secure) {
            adminPassword = "admin-" + UUID.randomUUID();
            kafka = EmbeddedKafka.startSecure(ADMIN, adminPassword);
        } else {
            adminPassword = null;
            kafka = EmbeddedKafka.start();
        }
        registry = EmbeddedSchemaRegistry.start(0);
    }

    @AfterAll
    static void stopServices() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }
}
