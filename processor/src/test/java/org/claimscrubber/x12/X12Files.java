package org.claimscrubber.x12;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.avro.ClaimSubmitted;

/** The X12 test files under src/test/resources/x12. */
final class X12Files {
    static final Path CASES = Path.of("processor/src/test/resources/x12/cases");
    static final Path PUBLIC = Path.of("processor/src/test/resources/x12/public");

    private X12Files() {
    }

    static byte[] bytes(String name) {
        try {
            Path p = CASES.resolve(name);
            return Files.readAllBytes(Files.exists(p) ? p : PUBLIC.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Interchange only(String name) {
        List<Interchange> all = X12Reader.read(bytes(name));
        if (all.size() != 1) {
            throw new AssertionError(name + " holds " + all.size() + " interchanges");
        }
        return all.get(0);
    }

    static List<ClaimSubmitted> events(String name) {
        return only(name).claims().stream().map(MappedClaim::event).toList();
    }
}
