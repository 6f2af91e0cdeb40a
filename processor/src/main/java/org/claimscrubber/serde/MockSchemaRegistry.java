package org.claimscrubber.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory registries shared per {@code mock://scope} within a JVM, for unit tests (as Confluent's mock scopes). */
public final class MockSchemaRegistry {
    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }
}
