package org.claimscrubber.cli;

import java.io.Writer;
import java.util.function.Consumer;

/** A Writer that hands each complete line written to it (without its line feed) to a consumer. */
final class JsonLineSink extends Writer {
    private final StringBuilder line = new StringBuilder(1024);
    private final Consumer<String> consumer;

    JsonLineSink(Consumer<String> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                consumer.accept(line.toString());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        if (!line.isEmpty()) {
            consumer.accept(line.toString());
            line.setLength(0);
        }
    }
}
