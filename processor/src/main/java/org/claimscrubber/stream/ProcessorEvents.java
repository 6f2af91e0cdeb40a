package org.claimscrubber.stream;

import org.claimscrubber.decision.Decision;
import org.claimscrubber.reference.ReferenceData;

/** What the processor tells an observer (metrics): decisions, dead letters, the reference put in force, bad reference records. */
public interface ProcessorEvents {
    /** Nobody listens. */
    ProcessorEvents NONE = new ProcessorEvents() {
    };

    /** The config key under which the observer reaches the exception handlers. */
    String CONFIG = "claimscrubber.processor.events";

    default void decided(Decision decision, long inputTimestamp) {
    }

    default void deadLettered(String reason) {
    }

    /** A claim on member-keyed input whose record key is not its member id (or, without one, its claim id). */
    default void inputKeyMismatch() {
    }

    /** Stored histories deleted because nothing in them can matter to a later claim ({@link HistorySweep}). */
    default void historiesExpired(int count) {
    }

    default void referenceInForce(ReferenceData reference) {
    }

    /** A record of a reference topic could not be used and was skipped. */
    default void referenceRecordSkipped(String topic) {
    }

    static ProcessorEvents from(java.util.Map<String, ?> config) {
        Object o = config.get(CONFIG);
        return o instanceof ProcessorEvents events ? events : NONE;
    }
}
