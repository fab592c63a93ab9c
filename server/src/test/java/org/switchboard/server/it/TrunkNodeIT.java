package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A whole node and a SIPp carrier: a trunk created over REST registers at once with digest
 * authentication (checked by SIPp) and says so in {@code GET /api/trunks/{name}}; stopping the
 * node un-registers it (Expires: 0) before SIP closes; after a restart the trunk, password
 * included, is still there.
 */
class TrunkNodeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aTrunkCreatedOverRestRegistersAndTheStoppingNodeUnregistersIt() throws Exception {
        int carrierPort = FreePorts.udpAndTcp();
        Sipp.Running carrier = Sipp.scenario("carrier_register_until_unregister.xml").localPort(carrierPort)
                .runLimitSeconds(40).start();
        try (TestDatabase database = TestDatabases.sqlite()) {
            SwitchboardConfig config = NodeConfig.load(dir, database, """
                    sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                    http: {bind: 127.0.0.1, port: 0}
                    admin: {username: root, password: root-password}
                    """);
            Server server = Server.start(config, Clock.systemUTC(), "test");
            try {
                ApiClient api = new ApiClient(server.httpPort());
                api.login("root", "root-password");
                assertThat(api.post("/api/trunks", """
                        {"name":"carrier","host":"127.0.0.1","port":%d,"transport":"udp","username":"trunk-user",
                         "password":"trunk-secret-1","register":true,"enabled":true,"options_interval":0}"""
                        .formatted(carrierPort)).statusCode()).isEqualTo(201);
                JsonNode registered = await().atMost(Duration.ofSeconds(10))
                        .until(() -> JSON.readTree(api.get("/api/trunks/carrier").body()),
                                t -> "registered".equals(t.get("registration").asText()));
                assertThat(registered.get("registered_until").asText()).isNotEmpty();
                assertThat(registered.has("last_error") && !registered.get("last_error").isNull()).isFalse();
            } finally {
                server.stop();
            }
            carrier.awaitResult().assertAllCallsSucceeded("401, digest checked by SIPp, 200; un-REGISTER at shutdown");

            Server again = Server.start(config, Clock.systemUTC(), "test");
            try {
                ApiClient api = new ApiClient(again.httpPort());
                api.login("root", "root-password");
                JsonNode kept = JSON.readTree(api.get("/api/trunks/carrier").body());
                assertThat(kept.get("host").asText()).isEqualTo("127.0.0.1");
                assertThat(kept.get("password_set").asBoolean()).as("the sealed password survived the restart").isTrue();
            } finally {
                again.stop();
            }
        } finally {
            carrier.stop();
        }
    }
}
