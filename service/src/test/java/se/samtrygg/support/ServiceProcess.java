package se.samtrygg.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own operating-system process, started as an operator would (the main class,
 * config.yml, SAMTRYGG_* environment variables), with its console output kept for the test to read.
 * Used where one JVM is not enough: first runs, and two nodes of a cluster.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final int port;
    private final int adminPort;

    private ServiceProcess(Process process, int port, int adminPort) {
        this.process = process;
        this.port = port;
        this.adminPort = adminPort;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "service-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code server config.yml} in {@code workingDirectory} and waits until it says it is running. */
    public static ServiceProcess start(Path workingDirectory, Map<String, String> environment) {
        int port = freePort();
        int adminPort = freePort();
        // Only the quick compiler: these processes live a minute or two, too short for the optimising compiler's work at
        // start-up to pay back on two shared cores (FirstRunTest's two starts: 14 s, 11 s with it off).
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "se.samtrygg.SamtryggApplication",
                "server", TestServer.configFile())
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SAMTRYGG_PORT", Integer.toString(port));
        builder.environment().put("SAMTRYGG_ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().putAll(environment);
        try {
            ServiceProcess service = new ServiceProcess(builder.start(), port, adminPort);
            service.awaitLine("Samtrygg is running", Duration.ofSeconds(90));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String adminUrl(String path) {
        return "http://127.0.0.1:" + adminPort + path;
    }

    public int port() {
        return port;
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    public String awaitLine(String fragment, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String line : output()) {
                if (line.contains(fragment)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service exited (" + process.exitValue() + "):\n" + String.join("\n", output()));
            }
            sleep(100);
        }
        throw new AssertionError("no line with \"" + fragment + "\" within " + timeout + ":\n" + String.join("\n", output()));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as an operator's service manager would send: Dropwizard shuts down cleanly. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
