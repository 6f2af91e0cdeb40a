package org.claimscrubber.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.stream.StreamsSettings;
import org.claimscrubber.stream.Topics;
import org.junit.jupiter.api.Test;

/** The README's least-privilege ACL list is exactly the one SecureKafkaTest runs the processor with. */
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
}
