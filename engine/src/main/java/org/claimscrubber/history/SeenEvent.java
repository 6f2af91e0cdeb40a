package org.claimscrubber.history;

/** An event id already processed for a member, kept until its day falls out of the retention horizon. */
public record SeenEvent(String eventId, int keepByDay) {
}
