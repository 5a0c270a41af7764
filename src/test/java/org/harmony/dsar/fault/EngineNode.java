package org.harmony.dsar.fault;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged engine running as a process of its own, so that a test can kill it with SIGKILL and start it
 * again, or run two of them on one database.
 */
final class EngineNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final List<String> arguments;
    private final File log;
    private Process process;

    EngineNode(String name, FaultEnvironment environment, String... settings) {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.arguments = new ArrayList<>(environment.engineArguments(port, managementPort));
        this.arguments.addAll(List.of(settings));
        this.log = Path.of("target", "fault", name + ".log").toFile();
        log.getParentFile().mkdirs();
    }

    void start() {
        String jar = System.getProperty("engine.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("System property engine.jar must name the packaged engine (run mvn verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar));
        command.addAll(arguments);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Engine node " + name + " did not start", e);
        }
        awaitReady(Duration.ofMinutes(3));
    }

    /** SIGKILL: no shutdown hook, no graceful end of running jobs or transactions. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Actuator's port. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Engine node " + name + " exited during start-up; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/requests/DSAR-00000-00000/status?token=probe")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 404) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Engine node " + name + " was not ready within " + timeout + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
