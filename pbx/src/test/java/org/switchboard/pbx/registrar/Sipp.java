package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one counted SIPp scenario from src/test/resources/sipp against 127.0.0.1 and waits for it,
 * keeping its error and screen files for the failure message. Test thread only. (A smaller sibling
 * of the sip module's helper, which lives in that module's test sources.)
 */
final class Sipp {
    private static final long RUN_LIMIT_SECONDS = 30;

    private Sipp() {}

    /** How one SIPp run ended. */
    record Result(int exitCode, String errors, String screen) {
        void assertAllCallsSucceeded(String what) {
            assertThat(exitCode).as("%s: SIPp exit code (0 = every call succeeded)%nerrors:%n%s%nscreen:%n%s",
                    what, errors, screen).isZero();
        }
    }

    /**
     * Runs {@code scenario} once as user {@code user} with digest password {@code password} from the
     * local port {@code localPort}; {@code keys} fill the scenario's [keyword]s.
     */
    static Result run(String scenario, int targetPort, int localPort, String user, String password,
            Map<String, String> keys) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(buildDir(), "sipp-" + scenario.replace(".xml", "") + "-");
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + targetPort,
                "-sf", scenarioFile(scenario).toString(),
                "-m", "1", "-r", "20",
                "-s", user, "-au", user, "-ap", password,
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-mp", Integer.toString(freePort()),
                "-t", "u1",
                "-timeout", RUN_LIMIT_SECONDS + "s", "-timeout_error",
                "-trace_err", "-error_file", work.resolve("errors.log").toString(),
                "-trace_screen", "-screen_file", work.resolve("screen.log").toString(),
                "-nostdin"));
        keys.forEach((k, v) -> command.addAll(List.of("-key", k, v)));
        Process sipp = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("stdout.log").toFile()).start();
        try {
            if (!sipp.waitFor(RUN_LIMIT_SECONDS + 15, TimeUnit.SECONDS)) {
                throw new AssertionError("SIPp did not finish: " + command);
            }
        } finally {
            if (sipp.isAlive()) {
                sipp.destroyForcibly(); // our own Process handle, i.e. its PID
            }
        }
        return new Result(sipp.exitValue(), readIfPresent(work.resolve("errors.log")),
                readIfPresent(work.resolve("screen.log")) + readIfPresent(work.resolve("stdout.log")));
    }

    /** A port free for both UDP and TCP on loopback at the time of asking. */
    static int freePort() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return tcp.getLocalPort();
            } catch (IOException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    /**
     * A port free on UDP and TCP whose next port is free on TCP too: baresip opens SIP over TLS
     * on its SIP port + 1 and fails to start when that one is taken.
     */
    static int freePortWithNext() throws IOException {
        for (int attempt = 0; ; attempt++) {
            int port = freePort();
            if (port < 65_535) {
                try (ServerSocket next = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException e) {
                    if (attempt > 20) {
                        throw e;
                    }
                }
            }
        }
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

    private static String readIfPresent(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }
}
