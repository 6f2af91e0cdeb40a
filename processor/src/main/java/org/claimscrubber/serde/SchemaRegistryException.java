package org.claimscrubber.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A registry answer in Confluent's error format: {@code {"error_code": 40401, "message": "..."}}. */
public class SchemaRegistryException extends SerializationException {
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int BACKEND_ERROR = 50001;

    private final int errorCode;

    public SchemaRegistryException(int errorCode, String message) {
        super(message + " (error code " + errorCode + ")");
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The HTTP status: the first three digits of the error code. */
    public int status() {
        String code = Integer.toString(errorCode);
        return Integer.parseInt(code.length() > 3 ? code.substring(0, 3) : code);
    }
}
