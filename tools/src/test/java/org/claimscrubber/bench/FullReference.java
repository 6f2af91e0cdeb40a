package org.claimscrubber.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;

/** A synthetic full-size quarter, written to a temporary folder in the CMS layouts and loaded by the real readers. */
final class FullReference {
    private FullReference() {
    }

    static ReferenceData load() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("claim-scrubber-full-reference");
            SyntheticReference.write(dir, SyntheticReference.FULL_PTP_ROWS, SyntheticReference.FULL_MUE_ROWS,
                    SyntheticReference.FULL_RVU_ROWS, 42);
            return ReferenceLoader.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
