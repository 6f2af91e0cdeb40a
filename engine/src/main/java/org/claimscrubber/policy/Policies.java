package org.claimscrubber.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The coverage policies in force, loaded from YAML (the shipped default being the epidural steroid injection policy),
 * with the payer sections of the file: each payer's rules are the default's with the section's overrides laid over
 * them ({@link #forPayer}); a claim without a payer id, or with one the file has no section for, gets the default.
 */
public final class Policies {
    public static final String DEFAULT_RESOURCE = "/policies/default-policies.yaml";
    /** Medicare's filing limit (42 CFR 424.44): 12 months after the date of service, when the file does not say. */
    public static final int DEFAULT_TIMELY_FILING_MONTHS = 12;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
    private static final Pattern CARC = Pattern.compile("(CO|PR|OA|PI)-[A-Z0-9]{1,4}");

    private final List<Policy> policies;
    private final int timelyFilingMonths;
    private final Payer payer;
    private final Map<String, Policies> payers;

    /** What a payer section says beyond its policies; null on the default. */
    private record Payer(String id, String name, Set<String> disabledEdits, Map<String, String> carcs, boolean acceptsReplacementsAndVoids) {
    }

    private Policies(List<Policy> policies, int timelyFilingMonths, Payer payer, Map<String, Policies> payers) {
        this.policies = List.copyOf(policies);
        this.timelyFilingMonths = timelyFilingMonths;
        this.payer = payer;
        this.payers = Map.copyOf(payers);
    }

    /** No policy and no timely filing limit. */
    public static Policies none() {
        return new Policies(List.of(), 0, null, Map.of());
    }

    public static Policies load(Path file) {
        return parse(read(file), file.toString());
    }

    /** A policy file's text; a file that cannot be read is a {@link PolicyException} saying why in words. */
    public static String read(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PolicyException(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new PolicyException(file + ": cannot be read (access denied)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new PolicyException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new PolicyException(file + (Files.isDirectory(file) ? ": is a folder" : ": " + e.getMessage()));
        }
    }

    public static Policies loadDefault() {
        try (InputStream in = Policies.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return parse(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new PolicyException(DEFAULT_RESOURCE + ": " + e.getMessage());
        }
    }

    /** A policy file given as text (the {@code reference.policies} topic carries it so). */
    public static Policies parse(String yaml, String name) {
        try {
            return parse(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), name);
        } catch (IOException e) {
            throw new PolicyException(name + ": " + e.getMessage());
        }
    }

    static Policies parse(InputStream in, String name) throws IOException {
        byte[] bytes = in.readAllBytes();
        PolicyFile file;
        JsonNode tree;
        try {
            file = YAML.readValue(bytes, PolicyFile.class);
            tree = LocatedYaml.read(YAML.getFactory(), bytes);
        } catch (UnrecognizedPropertyException e) {
            String where = e.getPath().stream().anyMatch(r -> "payers".equals(r.getFieldName())) ? " in a payer section" : "";
            throw new PolicyException(name + ":" + keyLine(bytes, e.getPropertyName(), e.getLocation().getLineNr()) + ": unknown key '"
                    + e.getPropertyName() + "'" + where + " (known keys there: " + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new PolicyException(name + line + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        }
        if (file == null || file.policies() == null) {
            throw new PolicyException(name + ": no 'policies' list");
        }
        int timelyFiling = file.timelyFilingMonths() == null ? DEFAULT_TIMELY_FILING_MONTHS : file.timelyFilingMonths();
        if (timelyFiling < 1) {
            throw new PolicyException(name + at(tree, "timelyFilingMonths", null) + ": timelyFilingMonths must be 1 or more");
        }
        List<JsonNode> defaults = new ArrayList<>();
        tree.get("policies").forEach(defaults::add);
        List<Policy> compiled = compile(defaults, name, "", null);
        Map<String, Policies> payers = new HashMap<>();
        List<PolicyFile.PayerSpec> specs = file.payers() == null ? List.of() : file.payers();
        for (int i = 0; i < specs.size(); i++) {
            PolicyFile.PayerSpec spec = specs.get(i);
            Policies payer = payer(spec, tree.get("policies"), tree.get("payers").get(i), timelyFiling, name);
            if (payers.put(key(spec.id()), payer) != null) {
                throw new PolicyException(name + ": two payer sections for payer " + spec.id());
            }
        }
        return new Policies(compiled, timelyFiling, null, payers);
    }

    /**
     * The line of an unknown key: the YAML parser reports where it stood after the key's value (the next line for a block
     * mapping), so the key is looked for on that line and the ones before it.
     */
    private static int keyLine(byte[] yaml, String key, int reported) {
        String[] lines = new String(yaml, java.nio.charset.StandardCharsets.UTF_8).split("\\R", -1);
        Pattern keyed = Pattern.compile("(^|[\\s{,\\-\"'])" + Pattern.quote(key) + "[\"']?\\s*:");
        for (int i = Math.min(reported, lines.length) - 1; i >= 0; i--) {
            String text = lines[i];
            int comment = text.indexOf('#');
            if (keyed.matcher(comment < 0 ? text : text.substring(0, comment)).find()) {
                return i + 1;
            }
        }
        return reported;
    }

    private static Policies payer(PolicyFile.PayerSpec spec, JsonNode defaults, JsonNode section, int defaultFiling, String name) {
        if (spec.id() == null || spec.id().isBlank()) {
            throw new PolicyException(name + ": a payer section has no id");
        }
        String where = " (payer " + spec.id() + ")";
        JsonNode overrides = section.get("policies");
        Set<String> overridden = new java.util.HashSet<>();
        for (JsonNode p : overrides == null ? JsonNodeFactory.instance.arrayNode() : overrides) {
            JsonNode id = p.get("id");
            if (id != null && !overridden.add(id.asText().strip())) {
                throw new PolicyException(name + at(p, "id", null) + where + ": two policies with id " + id.asText());
            }
        }
        List<JsonNode> merged = new ArrayList<>();
        PayerMerge.policies(defaults, overrides).forEach(merged::add);
        int timelyFiling = spec.timelyFilingMonths() == null ? defaultFiling : spec.timelyFilingMonths();
        if (timelyFiling < 1) {
            throw new PolicyException(name + at(section, "timelyFilingMonths", null) + where + ": timelyFilingMonths must be 1 or more");
        }
        Set<String> disabled = new LinkedHashSet<>();
        for (String edit : spec.disabledEdits() == null ? List.<String>of() : spec.disabledEdits()) {
            String e = edit == null ? "" : edit.strip().toUpperCase(Locale.ROOT);
            if (!EDITS.contains(e)) {
                throw new PolicyException(name + at(section, "disabledEdits", edit) + where + ": disabledEdits names '" + edit
                        + "', which is not an edit (" + EDITS + ")");
            }
            if (e.equals("INVALID_CLAIM")) {
                throw new PolicyException(name + at(section, "disabledEdits", edit) + where
                        + ": INVALID_CLAIM cannot be turned off (an unusable claim cannot be judged)");
            }
            disabled.add(e);
        }
        Map<String, String> carcs = new HashMap<>();
        for (Map.Entry<String, String> c : (spec.carcs() == null ? Map.<String, String>of() : spec.carcs()).entrySet()) {
            String e = c.getKey().strip().toUpperCase(Locale.ROOT);
            String carc = c.getValue() == null ? "" : c.getValue().strip().toUpperCase(Locale.ROOT);
            if (!EDITS.contains(e)) {
                throw new PolicyException(name + at(section, c.getKey(), null) + where + ": carcs names '" + c.getKey()
                        + "', which is not an edit");
            }
            if (!CARC.matcher(carc).matches()) {
                throw new PolicyException(name + at(section, c.getKey(), null) + where
                        + ": the CARC of " + e + " must read like CO-97 (group CO, PR, OA or PI), not '" + c.getValue() + "'");
            }
            if (carcs.put(e, carc) != null) {
                throw new PolicyException(name + at(section, c.getKey(), null) + where + ": carcs gives " + e + " twice");
            }
        }
        Payer payer = new Payer(spec.id().strip(), spec.name(), Set.copyOf(disabled), Map.copyOf(carcs),
                spec.acceptsReplacementsAndVoids() == null || spec.acceptsReplacementsAndVoids());
        return new Policies(compile(merged, name, where, section), timelyFiling, payer, Map.of());
    }

    /**
     * The policies of these nodes (the file's own scalars, so a problem is reported with its line). For a payer
     * {@code section} the nodes are the defaults with the section laid over them; the defaults compiled on their own, so
     * a problem is the section's: it is reported at a line of the section.
     */
    private static List<Policy> compile(List<JsonNode> nodes, String name, String where, JsonNode section) {
        List<Policy> compiled = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (JsonNode node : nodes) {
            PolicyFile.PolicySpec spec;
            try {
                spec = YAML.treeToValue(node, PolicyFile.PolicySpec.class);
            } catch (JsonProcessingException e) {
                throw new PolicyException(name + at(node, "id", null) + where + ": "
                        + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
            }
            if (spec.id() == null || spec.id().isBlank()) {
                throw new PolicyException(name + where + ": a policy has no id");
            }
            if (!ids.add(spec.id().strip())) {
                throw new PolicyException(name + at(node, "id", null) + where + ": two policies with id " + spec.id());
            }
            try {
                compiled.add(new Policy(spec));
            } catch (Policy.Invalid e) {
                throw new PolicyException(name + ":" + line(node, section, spec.id(), e) + where + ": " + e.getMessage());
            }
        }
        return compiled;
    }

    /** {@code :LINE} of the first scalar under {@code node} held by {@code key} (reading {@code value} when given), or empty. */
    private static String at(JsonNode node, String key, String value) {
        int line = LocatedYaml.line(node, key, value);
        return line > 0 ? ":" + line : "";
    }

    /**
     * The line of the value that made a policy unusable: among the scalars that show it (the last for the second of
     * two), those of the payer section when there is one; else the section's entry for the policy, else the policy's id.
     */
    private static int line(JsonNode policy, JsonNode section, String id, Policy.Invalid e) {
        int from = section == null ? 0 : LocatedYaml.line(section, "id", null);
        List<Integer> lines = LocatedYaml.lines(policy, e.key, e.value);
        lines.removeIf(l -> l < from);
        if (!lines.isEmpty()) {
            return e.last ? lines.get(lines.size() - 1) : lines.get(0);
        }
        if (section != null && section.get("policies") != null) {
            for (JsonNode own : section.get("policies")) {
                if (own.get("id") != null && own.get("id").asText().strip().equals(id.strip())) {
                    return LocatedYaml.line(own, "id", null);
                }
            }
            return from;
        }
        return LocatedYaml.line(policy, "id", null);
    }

    private static final Set<String> EDITS = editNames();

    private static Set<String> editNames() {
        return java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(EditNames.ALL));
    }

    private static String key(String payerId) {
        return payerId.strip().toUpperCase(Locale.ROOT);
    }

    /** The rules for a claim of this payer: its section's, or the default's when it has none (or no payer id is given). */
    public Policies forPayer(String payerId) {
        if (payerId == null || payerId.isBlank() || payers.isEmpty()) {
            return this;
        }
        Policies p = payers.get(key(payerId));
        return p == null ? this : p;
    }

    /** The payer section's id, or null for the default rules. */
    public String payerId() {
        return payer == null ? null : payer.id();
    }

    /** Whether the edit runs under these rules (a payer section may turn edits off). */
    public boolean runs(String edit) {
        return payer == null || !payer.disabledEdits().contains(edit);
    }

    /** The CARC the payer uses for the edit's findings, or null to keep the edit's own. */
    public String carc(String edit) {
        return payer == null ? null : payer.carcs().get(edit);
    }

    /** False where the payer section refuses frequency 7 (replacement) and 8 (void) claims. */
    public boolean acceptsReplacementsAndVoids() {
        return payer == null || payer.acceptsReplacementsAndVoids();
    }

    /** The payer sections by id (upper case); empty on a payer's own rules. */
    public Map<String, Policies> payers() {
        return payers;
    }

    public List<Policy> all() {
        return policies;
    }

    /** A line filed more than this many months after its date of service is TIMELY_FILING; 0 turns the edit off. */
    public int timelyFilingMonths() {
        return timelyFilingMonths;
    }

    /** The longest frequency window of any policy, payer sections included, in days (0 when none; a month counts 31 days). */
    public int longestWindowDays() {
        int longest = 0;
        for (Policy p : policies) {
            if (p.frequency() != null) {
                longest = Math.max(longest, p.frequency().longestDays());
            }
        }
        for (Policies payer : payers.values()) {
            longest = Math.max(longest, payer.longestWindowDays());
        }
        return longest;
    }

    /** The longest timely filing window, payer sections included, in days (a month counts 31 days). */
    public int longestFilingDays() {
        int longest = timelyFilingMonths * 31;
        for (Policies payer : payers.values()) {
            longest = Math.max(longest, payer.longestFilingDays());
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
