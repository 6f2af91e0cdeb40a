package org.claimscrubber.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.claimscrubber.decision.Decision;

/** The event ids one processor instance judged (its {@link ProcessorEvents}): the work attributable to that instance. */
final class DecisionTally implements ProcessorEvents {
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();

    @Override
    public void decided(Decision decision, long inputTimestamp) {
        eventIds.add(decision.eventId());
    }

    int size() {
        return eventIds.size();
    }
}
