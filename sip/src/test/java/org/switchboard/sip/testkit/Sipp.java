package org.switchboard.sip.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One SIPp run against 127.0.0.1, described step by step and then started: a scenario from the
 * calling module's {@code src/test/resources/sipp}, a free signalling and media port unless given,
 * a bounded run time, and the error and screen files kept under the build directory so a failure
 * message can quote them. Test thread only; every process it starts is ended through its own
 * {@link Process} handle.
 *
 * <pre>{@code
 * Sipp.scenario("register.xml").target(port).credentials("1001", "secret").key("expires", "60")
 *     .run().assertAllCallsSucceeded("REGISTER with digest");
 * }</pre>
 */
public final class Sipp {
    private static final long DEFAULT_RUN_LIMIT_SECONDS = 60;

    private final String scenario;
    private final List<String> options = new ArrayList<>();
    private String target;
    private int localPort;
    private String transport = "u1";
    private int calls = 1;
    private int rate = 20;
    private long runLimitSeconds = DEFAULT_RUN_LIMIT_SECONDS;

    private Sipp(String scenario) {
        this.scenario = scenario;
    }

    /** A run of {@code name}, a file in the calling module's src/test/resources/sipp. */
    public static Sipp scenario(String name) {
        return new Sipp(name);
    }

    /** Sends to 127.0.0.1:{@code port} (leave unset for a UAS that only answers). */
    public Sipp target(int port) {
        this.target = "127.0.0.1:" + port;
        return this;
    }

    /** SIPp's own signalling port (default: a free one). */
    public Sipp localPort(int port) {
        this.localPort = port;
        return this;
    }

    /** SIPp's transport mode: {@code u1} (default), {@code un}, {@code t1}, {@code tn}, {@code l1}. */
    public Sipp transport(String mode) {
        this.transport = mode;
        return this;
    }

    /** Ends after this many calls (default 1). */
    public Sipp calls(int count) {
        this.calls = count;
        return this;
    }

    /** New calls per second (default 20). */
    public Sipp rate(int callsPerSecond) {
        this.rate = callsPerSecond;
        return this;
    }

    /** Fails the run when it takes longer than this (default 60 s). */
    public Sipp runLimitSeconds(long seconds) {
        this.runLimitSeconds = seconds;
        return this;
    }

    /** {@code -s user -au user -ap password}: the request user and digest credentials. */
    public Sipp credentials(String user, String password) {
        return option("-s", user).option("-au", user).option("-ap", password);
    }

    /** {@code -key name value}: fills the scenario's {@code [name]}. */
    public Sipp key(String name, String value) {
        return option("-key", name, value);
    }

    /** Any other SIPp command-line arguments, e.g. {@code "-lost", "10"}. */
    public Sipp option(String... arguments) {
        options.addAll(List.of(arguments));
        return this;
    }

    /** Starts SIPp and waits for it to end. */
    public Result run() throws IOException, InterruptedException {
        return start().awaitResult();
    }

    /** Starts SIPp in the background, e.g. a UAS waiting for requests. */
    public Running start() throws IOException {
        Path work = Files.createTempDirectory(buildDir(), "sipp-" + scenario.replace(".xml", "") + "-");
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (target != null) {
            command.add(target);
        }
        command.addAll(List.of(
                "-sf", scenarioFile(scenario, work).toString(),
                "-m", Integer.toString(calls), "-r", Integer.toString(rate),
                "-i", "127.0.0.1", "-p", Integer.toString(localPort == 0 ? FreePorts.udpAndTcp() : localPort),
                "-mp", Integer.toString(FreePorts.udpBlock(4)),
                "-t", transport,
                "-timeout", runLimitSeconds + "s", "-timeout_error",
                "-trace_err", "-error_file", work.resolve("errors.log").toString(),
                "-trace_screen", "-screen_file", work.resolve("screen.log").toString(),
                "-nostdin"));
        command.addAll(options);
        Process sipp = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("stdout.log").toFile()).start();
        return new Running(sipp, work, command, runLimitSeconds);
    }

    /** How one SIPp run ended, with its error and screen output for failure messages. */
    public record Result(int exitCode, String errors, String screen) {
        /** Exit code 0: every call of the scenario succeeded. */
        public void assertAllCallsSucceeded(String what) {
            assertThat(exitCode).as("%s: SIPp exit code (0 = every call succeeded)%nerrors:%n%s%nscreen:%n%s",
                    what, errors, screen).isZero();
        }
    }

    /** A SIPp process started in the background. */
    public record Running(Process process, Path work, List<String> command, long runLimitSeconds) {
        /** Waits for the run to end (killing it past its limit) and reads its output files. */
        public Result awaitResult() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(runLimitSeconds + 15, TimeUnit.SECONDS)) {
                    throw new AssertionError("SIPp did not finish: " + command);
                }
            } finally {
                stop();
            }
            return new Result(process.exitValue(), readIfPresent(work.resolve("errors.log")),
                    readIfPresent(work.resolve("screen.log")) + readIfPresent(work.resolve("stdout.log")));
        }

        /** Ends the process if it still runs (by its own handle, i.e. by its PID). */
        public void stop() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Copies the scenario next to the run's output, so a scenario inside a test jar works too. */
    private static Path scenarioFile(String name, Path work) throws IOException {
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no SIPp scenario src/test/resources/sipp/" + name);
            }
            Path copy = work.resolve(name);
            Files.copy(in, copy);
            return copy;
        }
    }

    private static Path buildDir() throws IOException {
        String dir = System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", System.getProperty("java.io.tmpdir"));
        return Files.createDirectories(Path.of(dir, "sipp"));
    }

    private static String readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }
}
