package org.switchboard.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.provisioning.ProvisioningNode.json;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.sip.auth.ClientSecret;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.auth.ParseResult;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * The provisioning stories across a server restart, on SQLite and PostgreSQL: a restart is a new
 * database pool, new services and a new HTTP server on the same data and the same key file.
 */
class ProvisioningRestartTest {
    private final byte[] key = DeviceSecretCipher.newKey();
    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));

    @BothEngines
    void devicesRegisteredThroughTheApiAreStillServedWithTheirStaticIpAfterARestart(TestDatabase db) {
        String before;
        try (ProvisioningNode node = new ProvisioningNode(db.database(), key, clock)) {
            node.extension("1001", "Alice");
            node.extension("1002", "Bob");
            String token = node.login();
            assertThat(node.send("POST", "/api/provisioning/devices", token, """
                    {"mac_address":"00:15:65:12:34:56","extension_number":"1001","vendor":"yealink","model":"T46S"}""")
                    .statusCode()).isEqualTo(201);
            assertThat(node.send("POST", "/api/provisioning/devices", token, """
                    {"mac_address":"00:0b:82:12:34:56","extension_number":"1002","vendor":"grandstream","model":"GXP2170"}""")
                    .statusCode()).isEqualTo(201);
            assertThat(node.send("POST", "/api/provisioning/devices/000b82123456/static-ip", token,
                    "{\"static_ip\":\"192.0.2.10\"}").statusCode()).isEqualTo(200);
            before = withoutItsAddress(node, node.fetch("001565123456.cfg").body());
        }

        db.restart();
        try (ProvisioningNode node = new ProvisioningNode(db.database(), key, clock)) {
            HttpResponse<String> yealink = node.fetch("001565123456.cfg");
            assertThat(yealink.statusCode()).as("Yealink file after restart").isEqualTo(200);
            assertThat(withoutItsAddress(node, yealink.body())).as("same file, same password after restart").isEqualTo(before);
            assertThat(node.fetch("cfg000b82123456.xml").statusCode())
                    .as("static IP 192.0.2.10 still enforced after restart").isEqualTo(404);
            String token = node.login();
            assertThat(json(node.send("GET", "/api/provisioning/devices/000b82123456", token, null)).get("static_ip").asText())
                    .isEqualTo("192.0.2.10");
            assertThat(node.devices.findByMac("001565123456").orElseThrow().lastProvisionedAt())
                    .as("the fetch before the restart was flushed on close").isEqualTo(clock.instant());
        }
    }

    @BothEngines
    void theUrlTokenAndHttpCredentialsSurviveARestart(TestDatabase db) {
        String urlToken;
        String password;
        try (ProvisioningNode node = new ProvisioningNode(db.database(), key, clock)) {
            node.extension("1001", "Alice");
            node.extension("1002", "Bob");
            String token = node.login();
            node.send("POST", "/api/provisioning/devices", token, """
                    {"mac_address":"001565123456","extension_number":"1001","vendor":"yealink","model":"T46S"}""");
            node.send("POST", "/api/provisioning/devices", token, """
                    {"mac_address":"001565abcdef","extension_number":"1002","vendor":"yealink","model":"T46S"}""");
            urlToken = json(node.send("POST", "/api/provisioning/access/rotate", token, null)).get("token").asText();
            password = json(node.send("POST", "/api/provisioning/devices/001565abcdef/http-credentials", token, null))
                    .get("password").asText();
        }

        db.restart();
        try (ProvisioningNode node = new ProvisioningNode(db.database(), key, clock)) {
            assertThat(node.urlToken.current()).as("the rotated token after restart").isEqualTo(urlToken);
            String path = "/provision/" + urlToken + "/";
            assertThat(node.get(path + "001565123456.cfg").statusCode()).as("the URL phones were given").isEqualTo(200);
            assertThat(node.get("/provision/001565123456.cfg").statusCode()).as("without the token").isEqualTo(404);
            HttpResponse<String> challenged = node.get(path + "001565abcdef.cfg");
            assertThat(challenged.statusCode()).as("credentials still required after restart").isEqualTo(401);
            String authorization = ((ParseResult.Parsed<DigestCredentials>) new DigestClient("001565abcdef",
                    new ClientSecret.Password(password)).answer(challenged.headers().allValues("WWW-Authenticate"), "GET",
                    path + "001565abcdef.cfg")).value().toHeaderValue();
            assertThat(node.get(path + "001565abcdef.cfg", "Authorization", authorization).statusCode())
                    .as("the password shown before the restart").isEqualTo(200);
        }
    }

    @BothEngines
    void fiftyDevicesImportedWithARestartInTheMiddleAreAllKept(TestDatabase db) {
        String all = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> "00:15:65:00:00:%02x,%d,yealink,T46S".formatted(i, 1000 + (i % 5)))
                .collect(Collectors.joining("\n"));
        String firstHalf = all.lines().limit(25).collect(Collectors.joining("\n"));
        try (ProvisioningNode node = new ProvisioningNode(db.database(), key, clock)) {
            for (int e = 1000; e < 1005; e++) {
                node.extension(Integer.toString(e), "Desk " + e);
            }
            HttpResponse<String> r = node.send("POST", "/api/provisioning/devices/import?mode=all_or_nothing",
                    node.login(), firstHalf, "text/csv");
            assertThat(r.statusCode()).as("first import: %s", r.body()).isEqualTo(200);
        }

        db.restart();
        try (ProvisioningNode node = new ProvisioningNode(db.database(), key, clock)) {
            HttpResponse<String> r = node.send("POST", "/api/provisioning/devices/import", node.login(), all, "text/csv");
            assertThat(r.statusCode()).as("second import: %s", r.body()).isEqualTo(200);
            assertThat(json(r).get("imported").asLong()).as("new rows of the second import").isEqualTo(25);
            assertThat(json(r).get("failed").asLong()).as("rows already imported before the restart").isEqualTo(25);
        }

        db.restart();
        try (ProvisioningNode node = new ProvisioningNode(db.database(), key, clock)) {
            assertThat(node.devices.list()).hasSize(50);
            for (int i = 1; i <= 50; i++) {
                String file = "0015650000%02x.cfg".formatted(i);
                assertThat(node.fetch(file).statusCode()).as("GET /provision/%s after two restarts", file).isEqualTo(200);
            }
        }
    }

    /** The file with the node's own address (in the phone-book URL; a restarted node has another port) left out. */
    private static String withoutItsAddress(ProvisioningNode node, String file) {
        return file.replace("http://127.0.0.1:" + node.server.port() + "/", "http://NODE/");
    }
}
