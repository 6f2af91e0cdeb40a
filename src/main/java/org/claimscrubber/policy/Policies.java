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
    /** Medicare's filing limit (42 CFR 424.44): 12 months after the date of service, when the file does not say. */
    public static final int DEFAULT_TIMELY_FILING_MONTHS = 12;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final List<Policy> policies;
    private final int timelyFilingMonths;

    private Policies(List<Policy> policies, int timelyFilingMonths) {
        this.policies = List.copyOf(policies);
        this.timelyFilingMonths = timelyFilingMonths;
    }

    /** No policy and no timely filing limit. */
    public static Policies none() {
        return new Policies(List.of(), 0);
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
        int timelyFiling = file.timelyFilingMonths() == null ? DEFAULT_TIMELY_FILING_MONTHS : file.timelyFilingMonths();
        if (timelyFiling < 1) {
            throw new PolicyException(name + ": timelyFilingMonths must be 1 or more");
        }
        List<Policy> compiled = new ArrayList<>();
        for (PolicyFile.PolicySpec spec : file.policies()) {
            if (spec.id() == null || spec.id().isBlank()) {
                throw new PolicyException(name + ": a policy has no id");
            }
            try {
                compiled.add(new Policy(spec));
            } catch (IllegalArgumentException e) {
                throw new PolicyException(name + ": " + e.getMessage());
            }
        }
        return new Policies(compiled, timelyFiling);
    }

    public List<Policy> all() {
        return policies;
    }

    /** A line filed more than this many months after its date of service is TIMELY_FILING; 0 turns the edit off. */
    public int timelyFilingMonths() {
        return timelyFilingMonths;
    }

    /** The longest frequency window of any policy, in days (0 when none has one; a month counts 31 days). */
    public int longestWindowDays() {
        int longest = 0;
        for (Policy p : policies) {
            if (p.frequency() != null) {
                longest = Math.max(longest, p.frequency().longestDays());
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
