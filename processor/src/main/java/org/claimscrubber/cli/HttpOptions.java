package org.claimscrubber.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import org.claimscrubber.ops.BearerToken;
import picocli.CommandLine.Option;

/** Where the ops server listens and the bearer token that opens {@code /members/...} ({@code run} and {@code demo}). */
public final class HttpOptions {
    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the HTTP server listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--http-token-file", paramLabel = "FILE",
            description = "File holding the bearer token that /members/{id}/history requires (else the environment variable "
                    + BearerToken.ENVIRONMENT + "); without a token member history is not served.")
    Path tokenFile;

    Map<String, String> environment = System.getenv();

    /** The bind address; refused (IllegalArgumentException) when it does not resolve. */
    InetAddress bindAddress() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--http-bind " + bind + " does not resolve to an address");
        }
    }

    InetSocketAddress address(int port) {
        return new InetSocketAddress(bindAddress(), port);
    }

    /** The configured token, or null; refused (IllegalArgumentException) when the file cannot be read or the token is weak. */
    BearerToken token() {
        return BearerToken.load(tokenFile, environment).orElse(null);
    }
}
