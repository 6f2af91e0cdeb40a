package org.claimscrubber.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams.State;

/**
 * How {@code run} ends: 0 when a stop was requested; 1, with one line on stderr, when the Kafka Streams client stopped
 * on its own (ERROR, or NOT_RUNNING nobody asked for), so that an orchestrator restarts the process.
 */
final class ClientWatch {
    static final Duration POLL = Duration.ofMillis(250);

    private ClientWatch() {
    }

    static int await(Supplier<State> state, CountDownLatch stopRequested, PrintStream err) throws InterruptedException {
        while (!stopRequested.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            State s = state.get();
            if (s == State.ERROR || s == State.NOT_RUNNING) {
                err.println(stoppedLine(s));
                return 1;
            }
        }
        return 0;
    }

    static String stoppedLine(State state) {
        return "run: the Kafka Streams client stopped (state " + state + ", see the error above); exiting with status 1 so that it is restarted";
    }
}
