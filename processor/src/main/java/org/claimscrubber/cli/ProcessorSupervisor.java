package org.claimscrubber.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code run} process of {@code chaos}, restarted when it stops itself (exits, or reports ERROR or NOT_RUNNING on
 * {@code /health/live}), as an orchestrator would; {@link #kill()} SIGKILLs and restarts it at once, {@link #restart()}
 * stops it gracefully first.
 */
final class ProcessorSupervisor implements AutoCloseable {
    /** Starts a {@code run} process serving HTTP on the given port. */
    interface Launcher {
        Process launch(int httpPort) throws IOException;
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Launcher launcher;
    private final Thread watcher = new Thread(this::watch, "chaos-supervisor");
    private Process process;
    private int httpPort;
    private int selfStops;
    private volatile boolean running = true;

    ProcessorSupervisor(Launcher launcher) {
        this.launcher = launcher;
    }

    void start() throws IOException {
        synchronized (this) {
            launch();
        }
        watcher.setDaemon(true);
        watcher.start();
    }

    /** SIGKILLs the processor and starts a new one; returns the time of the kill. */
    synchronized long kill() throws InterruptedException, IOException {
        process.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        launch();
        return killed;
    }

    /** Stops the processor as a deploy would (SIGTERM: it closes and leaves the group) and starts a new one. */
    synchronized void restart() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(45, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        launch();
    }

    /** How often the processor stopped itself and was restarted. */
    synchronized int selfStops() {
        return selfStops;
    }

    private void launch() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        process = launcher.launch(httpPort);
    }

    private void watch() {
        while (running) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            synchronized (this) {
                if (running && stoppedItself()) {
                    selfStops++;
                    try {
                        process.destroyForcibly().waitFor();
                        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                        launch();
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("cannot restart the processor", e);
                    }
                }
            }
        }
    }

    private boolean stoppedItself() {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/live"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.contains("\"ERROR\"") || body.contains("\"NOT_RUNNING\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops watching; the process itself is left to the caller. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (watcher.isAlive()) {
            watcher.join();
        }
    }
}
