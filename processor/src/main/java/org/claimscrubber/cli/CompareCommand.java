package org.claimscrubber.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compare}: matches two JSON Lines decision files by eventId and reports events missing from either side,
 * events seen twice, and decisions whose disposition, findings or lines differ ({@code processedAt} is ignored).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two JSON Lines decision files by eventId (disposition, findings, lines); exit 1 when they differ.")
public final class CompareCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--expected", required = true, paramLabel = "FILE")
    Path expected;

    @Option(names = "--actual", required = true, paramLabel = "FILE")
    Path actual;

    @Option(names = "--match", defaultValue = "eventId",
            description = "eventId, or claim: the n-th decision of a claimId with the n-th, for two intakes of the same claims whose "
                    + "event ids differ (JSON against 837P, whose ids come from the envelope) (default: ${DEFAULT-VALUE}).")
    String match = "eventId";

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
        if (!match.equals("eventId") && !match.equals("claim")) {
            out.println("compare: --match must be eventId or claim");
            return Main.EXIT_USAGE;
        }
        if (!Setup.readable("compare", java.util.List.of(expected, actual), err)) {
            return Main.EXIT_USAGE;
        }
        boolean byClaim = match.equals("claim");
        Map<String, JsonNode> want = new HashMap<>();
        long duplicatedExpected = read(expected, want, byClaim);
        Map<String, JsonNode> got = new HashMap<>();
        long duplicated = read(actual, got, byClaim);
        long missing = 0;
        long differing = 0;
        for (Map.Entry<String, JsonNode> e : want.entrySet()) {
            JsonNode other = got.get(e.getKey());
            if (other == null) {
                missing++;
            } else if (!same(e.getValue(), other)) {
                if (differing++ == 0) {
                    out.println("first difference, " + (byClaim ? "claim " : "eventId ") + e.getKey());
                }
            }
        }
        long extra = got.keySet().stream().filter(k -> !want.containsKey(k)).count();
        out.printf("expected %d, actual %d, missing %d, extra %d, duplicated %d, differing %d%n", want.size(), got.size(), missing,
                extra, duplicated + duplicatedExpected, differing);
        return missing + extra + duplicated + duplicatedExpected + differing == 0 ? 0 : 1;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        for (String field : new String[] {"claimId", "disposition", "findings", "lines"}) {
            if (!a.path(field).equals(b.path(field))) {
                return false;
            }
        }
        return true;
    }

    private static long read(Path file, Map<String, JsonNode> into, boolean byClaim) throws IOException {
        long duplicates = 0;
        Map<String, Integer> seen = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    JsonNode d = JSON.readTree(line);
                    String key = byClaim ? d.path("claimId").asText() + " #" + seen.merge(d.path("claimId").asText(), 1, Integer::sum)
                            : d.path("eventId").asText();
                    if (into.put(key, d) != null) {
                        duplicates++;
                    }
                }
            }
        }
        return duplicates;
    }
}
