package org.switchboard.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one counted SIPp scenario against 127.0.0.1 and waits for it: a free signalling and media
 * port, a bounded run time, the error and screen files kept in the build directory for reading
 * when it fails. Test thread only.
 */
final class Sipp {
    private static final long RUN_LIMIT_SECONDS = 60;

    private Sipp() {}

    /** How one SIPp run ended. */
    record Result(int exitCode, String errors, String screen) {
        void assertAllCallsSucceeded(String what) {
            assertThat(exitCode).as("%s: SIPp exit code (0 = every call succeeded)%nerrors:%n%s%nscreen:%n%s",
                    what, errors, screen).isZero();
        }
    }

    /** Runs {@code scenario} (a file in src/test/resources/sipp) for {@code calls} calls against a UAS. */
    static Result run(String scenario, int targetPort, String transport, int calls, String... extra)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("127.0.0.1:" + targetPort));
        args.addAll(List.of(extra));
        return start(scenario, freePort(), transport, calls, args).awaitResult();
    }

    /** A SIPp process started in the background, e.g. a UAS waiting for the stack's requests. */
    record Running(Process process, Path work, List<String> command) {
        Result awaitResult() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(RUN_LIMIT_SECONDS + 15, TimeUnit.SECONDS)) {
                    throw new AssertionError("SIPp did not finish: " + command);
                }
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly(); // by our own Process handle, i.e. by its PID
                }
            }
            return new Result(process.exitValue(), readIfPresent(work.resolve("errors.log")),
                    readIfPresent(work.resolve("screen.log")) + readIfPresent(work.resolve("stdout.log")));
        }
    }

    /** Starts SIPp on {@code localPort} with {@code scenario}; {@code extra} adds the target and options. */
    static Running start(String scenario, int localPort, String transport, int calls, List<String> extra)
            throws IOException {
        Path work = Files.createTempDirectory(buildDir(), "sipp-" + scenario.replace(".xml", "") + "-");
        List<String> command = new ArrayList<>(List.of("sipp",
                "-sf", scenarioFile(scenario).toString(),
                "-m", Integer.toString(calls), "-r", "20",
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-mp", Integer.toString(freePort()),
                "-t", transport,
                "-timeout", RUN_LIMIT_SECONDS + "s", "-timeout_error",
                "-trace_err", "-error_file", work.resolve("errors.log").toString(),
                "-trace_screen", "-screen_file", work.resolve("screen.log").toString(),
                "-nostdin"));
        command.addAll(extra);
        Process sipp = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("stdout.log").toFile()).start();
        return new Running(sipp, work, command);
    }

    private static Path scenarioFile(String name) {
        try {
            return Path.of(Sipp.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path buildDir() throws IOException {
        String dir = System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", System.getProperty("java.io.tmpdir"));
        return Files.createDirectories(Path.of(dir, "sipp"));
    }

    /** A port free for both UDP and TCP on loopback at the time of asking. */
    static int freePort() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort(); // bound on both: free for UDP and TCP at this moment
            } catch (IOException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    private static String readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    }
}
