package org.claimscrubber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** load-policies checks the file before it connects: a bad one is refused with its line, and nothing is sent. */
class LoadPoliciesCommandTest {
    @TempDir
    Path dir;

    @Test
    void aPayerSectionWithAnUnknownKeyIsRefusedWithItsLineBeforeAnythingIsSent() throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "policies: []\npayers:\n  - id: ACME\n    timelyFilingDays: 90\n");
        LoadPoliciesCommand command = new LoadPoliciesCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);

        int exit = new CommandLine(command).execute("--file", file.toString(), "--bootstrap-servers", "127.0.0.1:1");

        assertEquals(Main.EXIT_USAGE, exit);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("load-policies: " + file + ":4: unknown key 'timelyFilingDays' in a payer section"), message);
        assertTrue(message.contains("nothing was sent"), message);
    }
}
