package org.claimscrubber.policy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The coverage policies in force; loaded from YAML, the shipped default being the epidural steroid injection policy. */
public final class Policies {
    public static final String DEFAULT_RESOURCE = "/policies/default-policies.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final List<Policy> policies;

    private Policies(List<Policy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static Policies none() {
        return new Policies(List.of());
    }

    public static Policies load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new PolicyException(file + ": " + e.getMessage());
        }
    }

    public static Policies loadDefault() {
        try (InputStream in = Policies.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new PolicyException(DEFAULT_RESOURCE + ": " + e.getMessage());
        }
    }

    static Policies parse(InputStream in, String name) throws IOException {
        PolicyFile file;
        try {
            file = YAML.readValue(in, PolicyFile.class);
        } catch (IOException e) {
            throw new PolicyException(name + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
        if (file == null || file.policies() == null) {
            throw new PolicyException(name + ": no 'policies' list");
        }
        List<Policy> compiled = new ArrayList<>();
        for (PolicyFile.PolicySpec spec : file.policies()) {
            if (spec.id() == null || spec.id().isBlank()) {
                throw new PolicyException(name + ": a policy has no id");
            }
            if (spec.frequency() != null && (spec.frequency().maxSessions() < 1 || spec.frequency().windowDays() < 1)) {
                throw new PolicyException(name + ": policy " + spec.id() + ": frequency needs maxSessions and windowDays of 1 or more");
            }
            try {
                compiled.add(new Policy(spec));
            } catch (IllegalArgumentException e) {
                throw new PolicyException(name + ": " + e.getMessage());
            }
        }
        return new Policies(compiled);
    }

    public List<Policy> all() {
        return policies;
    }

    /** The longest frequency window of any policy, in days (0 when none has one). */
    public int longestWindowDays() {
        int longest = 0;
        for (Policy p : policies) {
            if (p.frequency() != null) {
                longest = Math.max(longest, p.frequency().windowDays());
            }
        }
        return longest;
    }

    /** A policy file that cannot be used. */
    public static final class PolicyException extends RuntimeException {
        public PolicyException(String message) {
            super(message);
        }
    }
}
