package org.switchboard.server.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server as a separate process ({@code java -jar switchboard.jar run}), with its standard
 * output and error captured in files. Used by one test thread.
 */
final class ServerProcess {
    private static final Pattern STARTED = Pattern.compile("switchboard started .* http=[^ ]+:(\\d+) ");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ServerProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code run --config config} in {@code dir} with the extra environment, and waits until it serves HTTP. */
    static ServerProcess start(Path dir, Path config, Map<String, String> environment, String name) throws IOException {
        Path jar = Path.of(System.getenv("SWITCHBOARD_BUILD_DIR"), "switchboard.jar");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path stdout = dir.resolve(name + ".out");
        Path stderr = dir.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "run", "--config", config.toString()))
                .directory(dir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        ServerProcess server = new ServerProcess(builder.start(), stdout, stderr);
        await().atMost(Duration.ofMinutes(1)).until(() -> server.started() || !server.process.isAlive());
        if (!server.started()) {
            throw new AssertionError("server did not start:\n" + server.stderr());
        }
        return server;
    }

    private boolean started() {
        return STARTED.matcher(stderr()).find();
    }

    /** The HTTP port from the "switchboard started" log line. */
    int httpPort() {
        Matcher m = STARTED.matcher(stderr());
        if (!m.find()) {
            throw new AssertionError("no start line in:\n" + stderr());
        }
        return Integer.parseInt(m.group(1));
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then the exit code once it has stopped. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    /** Makes sure the process is gone (test clean-up). */
    void ensureStopped() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
