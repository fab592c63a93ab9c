package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseSettings;

/**
 * SIGKILL with a call up (issue 12, item 7): the answered call's CDR row exists from the answer on
 * (status open), and after the restart it is closed as interrupted with the last time known,
 * instead of the call leaving no CDR at all. SIPp phones on both ends, the shaded jar as a real
 * process on SQLite. Also prints how long after the answer the row was committed (the write-behind
 * window, docs/persistence.md).
 */
class CrashSafeCdrIT {
    private static final String PASSWORD = "digest-secret-42";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aCallUpWhenTheServerIsKilledIsInterruptedAfterTheRestart() throws Exception {
        Path config = Files.writeString(dir.resolve("switchboard.yml"), """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "2001", name: Caller, password: %1$s}
                  - {number: "2002", name: Callee, password: %1$s}
                """.formatted(PASSWORD));
        Sipp.Running callee = null;
        Sipp.Running caller = null;
        ServerProcess first = ServerProcess.start(dir, config, Map.of(), "first");
        try {
            int sipPort = first.sipPort();
            int calleePort = FreePorts.udpAndTcp();
            Sipp.scenario("register.xml").target(sipPort).localPort(calleePort).credentials("2002", PASSWORD)
                    .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                    .run().assertAllCallsSucceeded("REGISTER 2002 from SIPp");
            callee = Sipp.scenario("uas_answer_until_bye.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(FreePorts.udpAndTcp())).runLimitSeconds(60).start();
            awaitListening(calleePort);
            caller = Sipp.scenario("uac_until_hung_up.xml").target(sipPort)
                    .option("-s", "2002", "-au", "2001", "-ap", PASSWORD, "-auth_uri", "2002@127.0.0.1:" + sipPort)
                    .key("caller", "2001").runLimitSeconds(60).start();

            ApiClient api = new ApiClient(first.httpPort());
            api.login("root", "root-password");
            JsonNode open = await().atMost(Duration.ofSeconds(20)).until(() -> onlyCdr(api), row -> row != null);
            assertThat(open.get("status").asText()).as("the row exists while the call is up: %s", open).isEqualTo("open");
            assertThat(open.get("disposition").asText()).isEqualTo("ANSWERED");
            reportWriteBehindWindow();

            first.kill();
        } finally {
            first.ensureStopped();
            if (caller != null) {
                caller.stop();
            }
            if (callee != null) {
                callee.stop();
            }
        }

        ServerProcess second = ServerProcess.start(dir, config, Map.of(), "second");
        try {
            ApiClient api = new ApiClient(second.httpPort());
            api.login("root", "root-password");
            JsonNode closed = onlyCdr(api);
            assertThat(closed).as("the call's row survived the kill").isNotNull();
            assertThat(closed.get("status").asText()).as(closed.toString()).isEqualTo("interrupted");
            assertThat(closed.get("hangup_cause").asText()).contains("interrupted");
            assertThat(Instant.parse(closed.get("ended_at").asText()))
                    .as("ends at the last time known, not at the restart")
                    .isBeforeOrEqualTo(Instant.now())
                    .isAfterOrEqualTo(Instant.parse(closed.get("answered_at").asText()));
            assertThat(second.stderr()).contains("calls left open by a stopped server closed as interrupted count=1");
            assertThat(second.terminate()).isZero();
        } finally {
            second.ensureStopped();
        }
    }

    /** The one CDR the API lists, or null while there is none. */
    private static JsonNode onlyCdr(ApiClient api) throws IOException, InterruptedException {
        JsonNode items = JSON.readTree(api.get("/api/cdr").body()).get("items");
        assertThat(items.size()).as("at most one call was made").isLessThanOrEqualTo(1);
        return items.isEmpty() ? null : items.get(0);
    }

    /** How long after the answer the open row was committed: created_at (stamped at the write) minus answered_at. */
    private void reportWriteBehindWindow() {
        try (Database db = Database.open(DatabaseSettings.sqlite(dir.resolve("data/switchboard.db")))) {
            long millis = db.read(h -> h.createQuery("SELECT created_at - answered_at FROM cdr").mapTo(Long.class).one());
            System.out.println("CDR row of the answered call committed " + millis + " ms after the answer");
        }
    }

    /** SIPp binds its port a moment after starting; a call sent before would be refused. */
    private static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
