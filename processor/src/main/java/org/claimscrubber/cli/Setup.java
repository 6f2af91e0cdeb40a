package org.claimscrubber.cli;

import java.nio.file.Path;
import org.claimscrubber.policy.Policies;
import org.claimscrubber.reference.ReferenceData;
import org.claimscrubber.reference.ReferenceLoader;

/** What every command that runs the engine loads first: the reference (shipped sample by default) and the policies. */
final class Setup {
    private Setup() {
    }

    static ReferenceData reference(Path dir) {
        return dir == null ? ReferenceLoader.loadSample() : ReferenceLoader.load(dir);
    }

    /**
     * Every reference row that could not be read, as {@code command: FILE:LINE: reason} on {@code err} (contracts §5: counted
     * and reported with file and line number), after one line per file ({@code reference FILE: N rows, M rejected}) unless
     * {@code quiet}.
     */
    static void printReports(String command, ReferenceData data, boolean quiet, java.io.PrintStream err) {
        for (org.claimscrubber.reference.ReadReport report : data.reports()) {
            if (!quiet) {
                err.println("reference " + report);
            }
            report.rejections().forEach(p -> err.println(command + ": " + p));
        }
    }

    /** The engine on the shipped sample reference and policy, as the benches and fault runs use it. */
    static org.claimscrubber.edits.EditEngine sampleEngine() {
        return new org.claimscrubber.edits.EditEngine(org.claimscrubber.reference.ReferenceLoader.loadSample(), policies(null),
                org.claimscrubber.claim.ProviderBasis.RENDERING, ProcessingClock.system());
    }

    /**
     * Whether every input file can be read: it exists, is readable and is not a folder. For the first that cannot,
     * prints {@code <command>: cannot read FILE} (with why for a folder) on {@code err}; the caller exits 2 (bad
     * arguments, found before anything is done).
     */
    static boolean readable(String command, java.util.List<Path> files, java.io.PrintStream err) {
        for (Path file : files) {
            if (java.nio.file.Files.isDirectory(file)) {
                err.println(command + ": cannot read " + file + ": it is a folder");
                return false;
            }
            if (!java.nio.file.Files.isReadable(file)) {
                err.println(command + ": cannot read " + file);
                return false;
            }
        }
        return true;
    }

    static Policies policies(Path file) {
        return file == null ? Policies.loadDefault() : Policies.load(file);
    }
}
