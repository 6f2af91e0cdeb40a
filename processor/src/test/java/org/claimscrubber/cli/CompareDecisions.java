package org.claimscrubber.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.claimscrubber.decision.Decision;
import org.claimscrubber.decision.DecisionJson;

/** The {@code compare} command, as CI runs it on demo and check, over two lists of decisions instead of two files. */
public final class CompareDecisions {
    private CompareDecisions() {
    }

    /** What {@code compare} printed and its exit status (0: none missing, extra, duplicated or differing). */
    public record Result(int exitStatus, String report) {
    }

    public static Result compare(Collection<Decision> expected, Collection<Decision> actual) {
        try {
            Path want = write(expected);
            Path got = write(actual);
            try {
                CompareCommand command = new CompareCommand();
                command.expected = want;
                command.actual = got;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
                int status = command.call();
                return new Result(status, out.toString(StandardCharsets.UTF_8).strip());
            } finally {
                Files.delete(want);
                Files.delete(got);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Collection<Decision> decisions) throws IOException {
        Path file = Files.createTempFile("decisions", ".jsonl");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             DecisionJson.LineWriter lines = new DecisionJson.LineWriter(w)) {
            decisions.forEach(lines::write);
        }
        return file;
    }
}
