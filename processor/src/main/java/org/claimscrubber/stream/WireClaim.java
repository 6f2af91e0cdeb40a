package org.claimscrubber.stream;

import org.claimscrubber.avro.ClaimSubmitted;

/**
 * A claim event as it arrived on the input topic: its Confluent-framed bytes, untouched, and their decoding. The
 * bytes travel on through the repartition topic, so an instance of any version reads them with the writer's
 * registered schema, and a dead letter written after the repartition is still the input as it arrived.
 */
record WireClaim(byte[] bytes, ClaimSubmitted claim) {
}
