package org.claimscrubber.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.claimscrubber.reference.ReferenceException;
import org.claimscrubber.reference.ReferenceLoader;
import org.claimscrubber.stream.PublishException;
import org.claimscrubber.stream.ReferencePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code load-reference}: makes the reference topics hold exactly the CMS files of a folder, in one transaction with
 * its load marker. Exit 2 when a file or the folder cannot be used, 1 when the cluster refuses or cannot be reached.
 */
@Command(name = "load-reference", mixinStandardHelpOptions = true,
        description = "Publish the CMS files in DIR (default: the shipped sample) to reference.codes, reference.ptp and reference.mue.")
public final class LoadReferenceCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder of CMS files (default: the shipped sample).")
    Path dir;

    PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            new ReferencePublisher(kafka.config(), err).publish(dir == null ? ReferenceLoader.sampleSources() : ReferenceLoader.sources(dir),
                    dir == null ? "sample reference" : dir.toString());
            return 0;
        } catch (ReferenceException e) {
            err.println("load-reference: " + e.getMessage() + " (nothing was sent; the reference in force is unchanged)");
            return Main.EXIT_USAGE;
        } catch (PublishException e) {
            err.println("load-reference: " + e.getMessage() + " (nothing of this load was committed; the reference in force is unchanged)");
            return Main.EXIT_FAILURE;
        }
    }
}
