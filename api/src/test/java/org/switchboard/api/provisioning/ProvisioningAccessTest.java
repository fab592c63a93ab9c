package org.switchboard.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.api.provisioning.ProvisioningNode.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.provisioning.DeviceInput;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.sip.auth.ClientSecret;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.auth.ParseResult;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * How phones are let at their files, over real HTTP: the URL the API shows, its rotation, and
 * per-device HTTP digest credentials (RFC 7616) answered by a digest client.
 */
class ProvisioningAccessTest {
    private static final ScanThrottle.Settings THROTTLE =
            new ScanThrottle.Settings(5, Duration.ofMinutes(1), Duration.ofMinutes(5), 1_000);
    private static final String MAC = "001565000001";
    private static final String FILE = MAC + ".cfg";

    private TestDatabase db;
    private ProvisioningNode node;
    private TestClock clock;
    private String token;

    @BeforeEach
    void start() {
        db = TestDatabases.sqlite();
        clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
        node = new ProvisioningNode(db.database(), DeviceSecretCipher.newKey(), clock, THROTTLE);
        node.extension("1001", "Alice");
        node.provisioning.save(DeviceInput.parse(MAC, "1001", "yealink", "T46S"), "test");
        token = node.login();
    }

    @AfterEach
    void stop() {
        node.close();
        db.close();
    }

    @Test
    void theApiShowsTheUrlToGivePhonesAndItServesTheFiles() {
        JsonNode access = json(node.send("GET", "/api/provisioning/access", token, null));
        String url = access.get("http_url").asText();
        assertThat(url).isEqualTo("http://127.0.0.1:" + node.server.port() + "/provision/" + node.urlToken.current() + "/");
        assertThat(access.get("token").asText()).matches("[a-z2-7]{26}");
        assertThat(access.has("https_url")).as("no HTTPS on this node").isFalse();
        assertThat(node.get(url.substring(url.indexOf("/provision/")) + FILE).statusCode()).isEqualTo(200);
        assertThat(json(node.send("GET", "/api/provisioning/devices/" + MAC, token, null)).get("config_path").asText())
                .isEqualTo("/provision/" + node.urlToken.current() + "/" + FILE);
    }

    @Test
    void rotatingTheTokenRetiresTheOldUrl() {
        String oldPath = node.path(FILE);
        HttpResponse<String> rotated = node.send("POST", "/api/provisioning/access/rotate", token, null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newToken = json(rotated).get("token").asText();

        assertThat(oldPath).doesNotContain(newToken);
        assertThat(node.get(oldPath).statusCode()).as("old URL").isEqualTo(404);
        assertThat(node.get("/provision/" + newToken + "/" + FILE).statusCode()).as("new URL").isEqualTo(200);
    }

    @Test
    void accessRoutesNeedTheAdminToken() {
        assertThat(node.send("GET", "/api/provisioning/access", null, null).statusCode()).isEqualTo(401);
        assertThat(node.send("POST", "/api/provisioning/access/rotate", null, null).statusCode()).isEqualTo(401);
        assertThat(node.send("POST", "/api/provisioning/devices/" + MAC + "/http-credentials", null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aDeviceWithCredentialsIsChallengedAndServedOnlyTheRightDigest() {
        String password = generate();
        HttpResponse<String> first = node.fetch(FILE);
        assertThat(first.statusCode()).as("no credentials").isEqualTo(401);
        List<String> challenges = first.headers().allValues("WWW-Authenticate");
        assertThat(challenges).singleElement().asString().startsWith("Digest ").contains("realm=\"switchboard-provisioning\"",
                "algorithm=MD5", "qop=\"auth\"");
        assertThat(first.body()).doesNotContain("account.1");

        HttpResponse<String> ok = node.get(node.path(FILE), "Authorization", answer(challenges, MAC, password, node.path(FILE)));
        assertThat(ok.statusCode()).as("right password: %s", ok.body()).isEqualTo(200);
        assertThat(ok.body()).contains("#!version:1.0.0.1");
    }

    @Test
    void aWrongDigestPasswordIs401AndCountsAsScanning() {
        generate();
        for (int i = 0; i < THROTTLE.maxMisses(); i++) {
            List<String> challenges = node.fetch(FILE).headers().allValues("WWW-Authenticate");
            HttpResponse<String> wrong = node.get(node.path(FILE), "Authorization",
                    answer(challenges, MAC, "wrong-password", node.path(FILE)));
            assertThat(wrong.statusCode()).as("wrong password, attempt %d", i).isEqualTo(401);
            assertThat(wrong.headers().allValues("WWW-Authenticate")).as("a fresh challenge").hasSize(1);
        }
        assertThat(node.fetch(FILE).statusCode()).as("after %d wrong passwords", THROTTLE.maxMisses()).isEqualTo(429);
    }

    @Test
    void anotherDevicesCredentialsDoNotOpenThisDevicesFile() {
        node.provisioning.save(DeviceInput.parse("001565000002", "1001", "yealink", "T46S"), "test");
        generate();
        String otherPassword = json(node.send("POST", "/api/provisioning/devices/001565000002/http-credentials", token, null))
                .get("password").asText();
        List<String> challenges = node.fetch(FILE).headers().allValues("WWW-Authenticate");
        assertThat(node.get(node.path(FILE), "Authorization", answer(challenges, "001565000002", otherPassword, node.path(FILE)))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void credentialsAnsweredForAnotherFileAreRefused() {
        String password = generate();
        List<String> challenges = node.fetch(FILE).headers().allValues("WWW-Authenticate");
        String forCommonFile = answer(challenges, MAC, password, node.path("y000000000028.cfg"));
        assertThat(node.get(node.path(FILE), "Authorization", forCommonFile).statusCode())
                .as("digest-uri names another file").isEqualTo(401);
    }

    @Test
    void regeneratingReplacesThePasswordAndRemovingLiftsTheCheck() {
        String first = generate();
        String second = generate();
        List<String> challenges = node.fetch(FILE).headers().allValues("WWW-Authenticate");
        assertThat(node.get(node.path(FILE), "Authorization", answer(challenges, MAC, first, node.path(FILE))).statusCode())
                .as("the first password after regenerating").isEqualTo(401);
        challenges = node.fetch(FILE).headers().allValues("WWW-Authenticate");
        assertThat(node.get(node.path(FILE), "Authorization", answer(challenges, MAC, second, node.path(FILE))).statusCode())
                .as("the new password").isEqualTo(200);

        HttpResponse<String> shown = node.send("GET", "/api/provisioning/devices/" + MAC + "/http-credentials", token, null);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(json(shown).get("username").asText()).isEqualTo(MAC);
        assertThat(shown.body()).as("the password is never shown again").doesNotContain(second);

        assertThat(node.send("DELETE", "/api/provisioning/devices/" + MAC + "/http-credentials", token, null).statusCode())
                .isEqualTo(204);
        assertThat(node.fetch(FILE).statusCode()).as("token only again").isEqualTo(200);
        assertThat(node.send("GET", "/api/provisioning/devices/" + MAC + "/http-credentials", token, null).statusCode())
                .isEqualTo(404);
        assertThat(node.send("DELETE", "/api/provisioning/devices/" + MAC + "/http-credentials", token, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void deletingAndRecreatingADeviceDropsItsCredentials() {
        generate();
        assertThat(node.send("DELETE", "/api/provisioning/devices/" + MAC, token, null).statusCode()).isEqualTo(204);
        node.provisioning.save(DeviceInput.parse(MAC, "1001", "yealink", "T46S"), "test");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(node.fetch(FILE).statusCode()).as("the new device has no credentials").isEqualTo(200));
    }

    @Test
    void credentialsForAnUnknownDeviceAre404AndABadMacIs400() {
        assertThat(node.send("POST", "/api/provisioning/devices/001565999999/http-credentials", token, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> bad = node.send("POST", "/api/provisioning/devices/not-a-mac/http-credentials", token, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").get("field").asText()).isEqualTo("mac_address");
    }

    /** Generates the device's credentials through the API; returns the password shown once. */
    private String generate() {
        HttpResponse<String> r = node.send("POST", "/api/provisioning/devices/" + MAC + "/http-credentials", token, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode body = json(r);
        assertThat(body.get("username").asText()).isEqualTo(MAC);
        return body.get("password").asText();
    }

    private static String answer(List<String> challenges, String username, String password, String uri) {
        ParseResult<DigestCredentials> answer = new DigestClient(username, new ClientSecret.Password(password))
                .answer(challenges, "GET", uri);
        if (answer instanceof ParseResult.Parsed<DigestCredentials> parsed) {
            return parsed.value().toHeaderValue();
        }
        throw new AssertionError("cannot answer " + challenges + ": " + answer);
    }
}
