package org.tierslieux.server.nodes;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged application ({@code quarkus-app/quarkus-run.jar}) run as a child process, as an
 * operator runs it: production profile, everything from the environment, its console in a log file. Stopped by
 * its own PID, never by a name.
 */
final class AppNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private AppNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code jar} with {@code environment} (plus the port) on a free port; does not wait for it. */
    static AppNode start(String name, Path jar, Map<String, String> environment, Path logDirectory) throws IOException {
        int port = freePort();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(logDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        return new AppNode(name, port, log, builder.start());
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the end of the node's log otherwise. */
    AppNode awaitReady(HttpClient http, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(uri("/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** The node's console so far. */
    List<String> logLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    String tail() {
        try {
            List<String> lines = logLines();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * {@code kill -9} of the node: SIGKILL to the JVM itself (the process started here is {@code java}, no
     * wrapper script), and waits until it is gone. Nothing runs on the way out: no shutdown hook, no rollback
     * sent, the database sees the connections drop.
     */
    void kill() throws InterruptedException {
        String command = process.info().command().orElse("");
        if (!command.endsWith("java")) {
            throw new IllegalStateException(name + " is not a java process: " + command);
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
    }

    /** Stops this process by its PID (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> children = new ArrayList<>(handle.descendants().toList());
        handle.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            handle.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
