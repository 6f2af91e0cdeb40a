package org.claimscrubber.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer token that opens {@code /members/...}: read from a file ({@code --http-token-file}) or, failing that, from
 * the environment variable {@value #ENVIRONMENT}. Compared in constant time; never printed ({@link #toString} hides it).
 */
public final class BearerToken {
    public static final String ENVIRONMENT = "CLAIMSCRUBBER_HTTP_TOKEN";
    static final int MIN_LENGTH = 16;

    private final String value;
    private final byte[] digest;

    private BearerToken(String value) {
        this.value = value;
        this.digest = sha256(value);
    }

    /** A token from its text; refused when shorter than 16 characters or holding whitespace. */
    public static BearerToken of(String value) {
        if (value.length() < MIN_LENGTH || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("the HTTP bearer token must be at least " + MIN_LENGTH
                    + " characters without spaces or control characters");
        }
        return new BearerToken(value);
    }

    /** The token of {@code file} (trailing line end dropped) when given, else of the environment; empty when neither is set. */
    public static Optional<BearerToken> load(Path file, Map<String, String> environment) {
        if (file != null) {
            try {
                return Optional.of(of(Files.readString(file, StandardCharsets.UTF_8).strip()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the HTTP token file " + file + ": " + e.getClass().getSimpleName());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
        }
        String fromEnvironment = environment.getOrDefault(ENVIRONMENT, "").strip();
        try {
            return fromEnvironment.isEmpty() ? Optional.empty() : Optional.of(of(fromEnvironment));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENVIRONMENT + ": " + e.getMessage());
        }
    }

    /** Whether an {@code Authorization} header value carries this token. */
    public boolean accepts(String authorization) {
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(7).strip()));
    }

    /** The {@code Authorization} header value that carries this token to another instance. */
    public String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
