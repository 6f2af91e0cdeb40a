package org.claimscrubber.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.claimscrubber.stream.StreamsSettings;
import org.claimscrubber.stream.Topics;
import org.claimscrubber.x12.X12IntakeApp;
import org.claimscrubber.x12.X12Topics;
import org.junit.jupiter.api.Test;

/**
 * The README's least-privilege ACL lists are exactly the ones SecureKafkaTest runs the processor with and
 * SecureX12IntakeTest runs the X12 intake with.
 */
class ReadmeAclsTest {
    @Test
    void readmeListsTheProcessorAcls() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String start = "<!-- processor-acls:start -->";
        String end = "<!-- processor-acls:end -->";
        String block = readme.substring(readme.indexOf(start) + start.length(), readme.indexOf(end));
        List<String> listed = block.lines().filter(l -> l.startsWith("User:")).toList();
        List<String> expected = ProcessorAcls.render(ProcessorAcls.forProcessor("User:claim-scrubber",
                StreamsSettings.DEFAULT_APPLICATION_ID, Topics.defaults()));
        assertEquals(expected, listed, "README block, as it should read:\n" + String.join("\n", expected));
    }

    @Test
    void readmeListsTheX12IntakeAcls() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String start = "<!-- x12-intake-acls:start -->";
        String end = "<!-- x12-intake-acls:end -->";
        assertTrue(readme.contains(start) && readme.contains(end), "README has no " + start + " block");
        String block = readme.substring(readme.indexOf(start) + start.length(), readme.indexOf(end));
        List<String> listed = block.lines().filter(l -> l.startsWith("User:")).toList();
        List<String> expected = ProcessorAcls.render(X12IntakeAcls.forIntake("User:claim-scrubber",
                X12IntakeApp.applicationId(Map.of()), Topics.defaults(), X12Topics.from(Map.of())));
        assertEquals(expected, listed, "README block, as it should read:\n" + String.join("\n", expected));
    }
}
