package org.switchboard.pbx.registrar;

import org.switchboard.sip.testkit.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A real softphone on the default configuration: baresip 1.0 registers with digest, appears in the
 * location service, and removes its binding when it quits. baresip 1.0 (libre 1.x) gives up
 * ("Function not implemented") on a 401 that holds any challenge other than MD5; the default
 * User-Agent rule for it is what makes its challenge MD5 only.
 */
class BaresipRegisterIT {
    private static final String PASSWORD = "baresip-secret-1";

    private RegistrarHarness server;
    private Process baresip;
    private Path work;

    @BeforeEach
    void start() throws IOException {
        server = new RegistrarHarness(TestDatabases.sqlite(), RegistrarSettings.defaults(RegistrarHarness.REALM));
        server.addExtension("1001", PASSWORD, true);
        String dir = System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", System.getProperty("java.io.tmpdir"));
        work = Files.createTempDirectory(Files.createDirectories(Path.of(dir, "baresip")), "register-");
    }

    @AfterEach
    void stop() {
        if (baresip != null && baresip.isAlive()) {
            baresip.destroyForcibly(); // our own Process handle, i.e. its PID
        }
        server.close();
    }

    @Test
    void baresipRegistersWithDigestAndUnregistersOnQuit() throws Exception {
        int phonePort = FreePorts.udpAndTcpWithNext();
        Files.writeString(work.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + phonePort,
                "net_interface 127.0.0.1",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module_app account.so",
                ""));
        Files.writeString(work.resolve("accounts"), "<sip:1001@127.0.0.1:" + server.port()
                + ";transport=udp>;auth_pass=" + PASSWORD + ";regint=60\n");

        baresip = new ProcessBuilder("baresip", "-f", work.toString(), "-n", "127.0.0.1", "-t", "8")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("baresip.log").toFile())
                .start();

        await("binding of baresip (log in " + work + ")").atMost(Duration.ofSeconds(8))
                .until(() -> !server.registrar.location().lookup("1001").isEmpty());
        assertThat(server.registrar.location().lookup("1001")).singleElement().satisfies(b -> {
            assertThat(b.flow().transport()).isEqualTo(Transport.UDP);
            assertThat(b.flow().remote().getPort()).isEqualTo(phonePort);
            assertThat(b.userAgent()).containsIgnoringCase("baresip");
        });

        assertThat(baresip.waitFor(20, TimeUnit.SECONDS)).as("baresip quits after -t 8").isTrue();
        await("baresip's un-REGISTER on quit").atMost(Duration.ofSeconds(5))
                .until(() -> server.registrar.location().lookup("1001").isEmpty());
    }
}
