package org.claimscrubber.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README lists the dashboard's panels; this fails when the two drift apart (-Dgolden.update=true rewrites the list). */
class DashboardReadmeTest {
    private static final String START = "<!-- dashboard-panels:start -->";
    private static final String END = "<!-- dashboard-panels:end -->";

    static String panelTable() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("ops/grafana/dashboards/claim-scrubber.json").toFile());
        StringBuilder table = new StringBuilder("| panel | query |\n|---|---|\n");
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                table.append("| ").append(panel.get("title").asText()).append(" | `")
                        .append(target.get("expr").asText().replace("|", "\\|")).append("` |\n");
            }
        }
        return table.toString();
    }

    @Test
    void readmeListsEveryPanelWithItsQuery() throws IOException {
        Path readme = Path.of("README.md");
        String text = Files.readString(readme);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, "README has no dashboard panel list between the markers");
        String expected = panelTable();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(readme, text.substring(0, start + START.length()) + "\n" + expected + text.substring(end));
            text = Files.readString(readme);
            start = text.indexOf(START);
            end = text.indexOf(END);
        }
        assertEquals(expected, text.substring(start + START.length() + 1, end));
    }

    @Test
    void everyAlertHasARunbook() throws IOException {
        String alerts = Files.readString(Path.of("ops/prometheus/alerts.yml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("- alert: (\\w+)").matcher(alerts);
        int count = 0;
        while (m.find()) {
            count++;
            assertTrue(Files.exists(Path.of("ops/runbooks/" + m.group(1) + ".md")), m.group(1));
        }
        assertEquals(7, count);
    }
}
