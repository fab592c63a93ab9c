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
import org.switchboard.store.testkit.TestDatabase;

/**
 * The real server as a separate process ({@code java -jar switchboard.jar run}), with its standard
 * output and error captured in files. Used by one test thread.
 */
final class ServerProcess {
    private static final Pattern STARTED = Pattern.compile("switchboard started .* http=[^ ]+:(\\d+) sip=[^ ]+:(\\d+) ");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ServerProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The test database, given the way an operator would: environment overrides of the file. */
    static Map<String, String> databaseEnvironment(TestDatabase database) {
        return Map.of(
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password());
    }

    /** Starts {@code run --config config} in {@code dir} with the extra environment, and waits until it serves HTTP. */
    static ServerProcess start(Path dir, Path config, Map<String, String> environment, String name) throws IOException {
        return launch(dir, config, environment, name).awaitStarted();
    }

    /**
     * Starts {@code run --config config} in {@code dir}, its working directory and where its output
     * files go, without waiting: then {@link #awaitStarted()}, or {@link #exitCode()} for a start
     * that is expected to fail.
     */
    static ServerProcess launch(Path dir, Path config, Map<String, String> environment, String name) throws IOException {
        return launch(dir, dir, config, environment, name);
    }

    /** As {@link #launch(Path, Path, Map, String)}, with the output files in {@code logs} instead of the working directory. */
    static ServerProcess launch(Path dir, Path logs, Path config, Map<String, String> environment, String name) throws IOException {
        Path jar = Path.of(System.getenv("SWITCHBOARD_BUILD_DIR"), "switchboard.jar");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path stdout = logs.resolve(name + ".out");
        Path stderr = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "run", "--config", config.toString()))
                .directory(dir.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), stdout, stderr);
    }

    /** Waits until it serves HTTP; fails with its standard error when it exits first. */
    ServerProcess awaitStarted() {
        await().atMost(Duration.ofMinutes(1)).until(() -> started() || !process.isAlive());
        if (!started()) {
            throw new AssertionError("server did not start:\n" + stderr());
        }
        return this;
    }

    /** The exit code of a process that stops on its own (a refused start), waiting at most a minute. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(1, java.util.concurrent.TimeUnit.MINUTES)) {
            throw new AssertionError("still running after a minute:\n" + stderr());
        }
        return process.exitValue();
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

    /** The SIP (UDP and TCP) port from the "switchboard started" log line. */
    int sipPort() {
        Matcher m = STARTED.matcher(stderr());
        if (!m.find()) {
            throw new AssertionError("no start line in:\n" + stderr());
        }
        return Integer.parseInt(m.group(2));
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
