package org.claimscrubber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code check --claims} splits its file into lines: as BufferedReader.readLine does, and bad bytes cost one line only. */
class CheckInputLinesTest {
    private static final Path GOLDEN = Path.of("processor/src/test/resources/golden");

    @TempDir
    Path dir;

    @Test
    void crLfAndLoneCrEndLinesAndBlankLinesOfWhitespaceAreSkippedWithTheirNumbersCounted() throws IOException {
        List<String> events = Files.readAllLines(GOLDEN.resolve("claims.jsonl")).subList(0, 3);
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, events.get(0) + "\r\n \t\u000b\f\r" + events.get(1) + "\r{not json\n\n" + events.get(2));

        CheckCommandTest.Run run = CheckCommandTest.check("--claims", file.toString(), "--quiet");

        assertEquals(3, run.exit(), run.err());
        assertEquals(3, run.out().lines().count());
        assertTrue(run.err().contains("mixed.jsonl:4: unreadable event: not JSON"), run.err());
    }

    @Test
    void aLineThatIsNotUtf8IsReportedWithItsNumberAndTheRestIsProcessed() throws IOException {
        List<String> events = Files.readAllLines(GOLDEN.resolve("claims.jsonl")).subList(0, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((events.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.write(events.get(1).replace("\"claimId\":\"", "\"claimId\":\"\u00ff").getBytes(StandardCharsets.ISO_8859_1));
        bytes.write(("\n" + events.get(1).replace("\"eventId\":\"", "\"eventId\":\"x") + "\n").getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, bytes.toByteArray());

        CheckCommandTest.Run run = CheckCommandTest.check("--claims", file.toString(), "--quiet");

        assertEquals(3, run.exit(), run.err());
        assertEquals(2, run.out().lines().count(), run.err());
        assertTrue(run.err().contains("latin1.jsonl:2: unreadable event: not JSON"), run.err());
    }

    @Test
    void aLineLongerThanTheReadBufferIsReadWhole() throws IOException {
        String event = Files.readAllLines(GOLDEN.resolve("claims.jsonl")).get(0);
        String padded = event.substring(0, event.length() - 1) + ",\"padding\":\"" + "p".repeat(200_000) + "\"}";
        Path file = dir.resolve("long.jsonl");
        Files.writeString(file, padded + "\n" + event.replace("\"eventId\":\"", "\"eventId\":\"x") + "\n");

        CheckCommandTest.Run run = CheckCommandTest.check("--claims", file.toString(), "--quiet");

        assertEquals(0, run.exit(), run.err());
        assertEquals(2, run.out().lines().count());
    }

    @Test
    void splitsLikeReadLineWhateverTheBufferBoundaries() throws IOException {
        String text = "a\r\nbb\r\rccc\n\nd\re\r\n\r\nf";
        List<String> expected = new java.io.BufferedReader(new java.io.StringReader(text)).lines().toList();
        for (int size = 1; size <= 8; size++) {
            ByteLines lines = new ByteLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), size);
            List<String> got = new ArrayList<>();
            while (lines.next()) {
                got.add(new String(lines.bytes(), lines.start(), lines.length(), StandardCharsets.US_ASCII));
            }
            assertEquals(expected, got, "buffer of " + size);
        }
    }
}
