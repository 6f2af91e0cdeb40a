package org.claimscrubber.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The same generated claims through JSON and through 837P give the same decisions: {@code generate --format x12},
 * {@code check --x12} and {@code compare --match claim} against {@code generate --x12-expressible} and {@code check}.
 */
class X12ParityTest {
    @TempDir
    Path dir;

    private static byte[] generate(String... args) {
        GenerateCommand g = new GenerateCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        g.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        g.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, new CommandLine(g).execute(args));
        return out.toByteArray();
    }

    private static String compare(Path expected, Path actual) {
        CompareCommand c = new CompareCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        new CommandLine(c).execute("--expected", expected.toString(), "--actual", actual.toString(), "--match", "claim");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkOnThe837PFormOfAGeneratedStreamDecidesExactlyAsOnItsJsonForm() throws Exception {
        Path x12 = Files.write(dir.resolve("c.837"), generate("--count", "3000", "--seed", "11", "--error-rate", "0.5", "--format", "x12",
                "--claims-per-interchange", "200"));
        Path json = Files.write(dir.resolve("c.jsonl"), generate("--count", "3000", "--seed", "11", "--error-rate", "0.5", "--x12-expressible"));

        CheckCommandTest.Run viaX12 = CheckCommandTest.check("--x12", x12.toString(), "--quiet");
        CheckCommandTest.Run viaJson = CheckCommandTest.check("--claims", json.toString(), "--quiet");
        assertEquals(0, viaX12.exit(), viaX12.err());
        assertEquals(0, viaJson.exit(), viaJson.err());
        Path x = Files.writeString(dir.resolve("x.jsonl"), viaX12.out());
        Path j = Files.writeString(dir.resolve("j.jsonl"), viaJson.out());

        String report = compare(j, x);
        Matcher m = Pattern.compile("expected (\\d+), actual (\\d+), missing 0, extra 0, duplicated 0, differing 0").matcher(report);
        assertTrue(m.find(), report);
        assertTrue(Integer.parseInt(m.group(1)) > 2500, report);
        assertTrue(viaJson.out().contains("\"x12:") == false && viaX12.out().contains("\"eventId\":\"x12:CLAIMSCRUBGEN:"),
                "the 837P decisions carry the envelope's event ids");
    }

    @Test
    void compareByClaimReportsADecisionThatDiffers() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsonl"), "{\"eventId\":\"E1\",\"claimId\":\"C1\",\"disposition\":\"ACCEPTED\"}\n");
        Path b = Files.writeString(dir.resolve("b.jsonl"), "{\"eventId\":\"x12:1\",\"claimId\":\"C1\",\"disposition\":\"FLAGGED\"}\n");

        assertTrue(compare(a, b).contains("missing 0, extra 0, duplicated 0, differing 1"), compare(a, b));
        assertTrue(compare(a, a).contains("missing 0, extra 0, duplicated 0, differing 0"));
    }

    @Test
    void aRedeliveredClaimIsResentUnderItsFirstEnvelopeSoTheEngineSkipsIt() throws Exception {
        Path x12 = Files.write(dir.resolve("c.837"), generate("--count", "3000", "--seed", "11", "--error-rate", "0.5", "--format", "x12"));
        CheckCommandTest.Run run = CheckCommandTest.check("--x12", x12.toString());

        Matcher m = Pattern.compile("redelivered \\(no decision\\)\\s+(\\d+)").matcher(run.err());
        assertTrue(m.find(), run.err());
        assertTrue(Integer.parseInt(m.group(1)) > 0, run.err());
    }
}
