package org.switchboard.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.provisioning.ProvisioningNode.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.Json;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.provisioning.PhoneSighting;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/** The admin REST routes of provisioning over real HTTP on a real SQLite file: every status. */
class ProvisioningRoutesTest {
    private static final String YEALINK = """
            {"mac_address":"00:15:65:12:34:56","extension_number":"1001","vendor":"yealink","model":"T46S"}""";

    private TestDatabase db;
    private ProvisioningNode node;
    private String token;

    @BeforeEach
    void start() {
        db = TestDatabases.sqlite();
        node = new ProvisioningNode(db.database(), DeviceSecretCipher.newKey(), new TestClock(Instant.parse("2026-05-01T10:00:00Z")));
        node.extension("1001", "Alice");
        node.extension("1002", "Bob");
        token = node.login();
    }

    @AfterEach
    void stop() {
        node.close();
        db.close();
    }

    @Test
    void postCreatesWith201ThenUpdatesWith200() {
        HttpResponse<String> created = node.send("POST", "/api/provisioning/devices", token, YEALINK);
        assertThat(created.statusCode()).as("POST new device: %s", created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/provisioning/devices/001565123456");
        JsonNode body = json(created);
        assertThat(body.get("mac_address").asText()).isEqualTo("001565123456");
        assertThat(body.get("model").asText()).isEqualTo("T46S");
        assertThat(body.get("config_path").asText()).isEqualTo("/provision/" + node.urlToken.current() + "/001565123456.cfg");

        HttpResponse<String> updated = node.send("POST", "/api/provisioning/devices", token, """
                {"mac_address":"001565123456","extension_number":"1002","vendor":"Yealink","model":"sip-t48s"}""");
        assertThat(updated.statusCode()).as("POST same MAC: %s", updated.body()).isEqualTo(200);
        assertThat(json(updated).get("extension_number").asText()).isEqualTo("1002");
        assertThat(json(updated).get("model").asText()).isEqualTo("T48S");
    }

    @Test
    void listAndGetShowTheDeviceWithoutAnySecret() {
        node.send("POST", "/api/provisioning/devices", token, YEALINK);
        HttpResponse<String> all = node.send("GET", "/api/provisioning/devices", token, null);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all)).hasSize(1);
        HttpResponse<String> one = node.send("GET", "/api/provisioning/devices/00-15-65-12-34-56", token, null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).get("extension_number").asText()).isEqualTo("1001");
        String sealed = node.devices.findByMac("001565123456").orElseThrow().sipSecret();
        assertThat(all.body() + one.body()).doesNotContain(sealed).doesNotContain("secret").doesNotContain("password");
    }

    @Test
    void deleteIs204AndThenTheDeviceIsGone() {
        node.send("POST", "/api/provisioning/devices", token, YEALINK);
        assertThat(node.send("DELETE", "/api/provisioning/devices/001565123456", token, null).statusCode()).isEqualTo(204);
        assertThat(node.send("GET", "/api/provisioning/devices/001565123456", token, null).statusCode()).isEqualTo(404);
        assertThat(node.fetch("001565123456.cfg").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownDeviceIs404ForEveryDeviceRoute() {
        String mac = "/api/provisioning/devices/001565999999";
        assertThat(node.send("GET", mac, token, null).statusCode()).isEqualTo(404);
        assertThat(node.send("DELETE", mac, token, null).statusCode()).isEqualTo(404);
        assertThat(node.send("GET", mac + "/config", token, null).statusCode()).isEqualTo(404);
        HttpResponse<String> r = node.send("POST", mac + "/static-ip", token, "{\"static_ip\":\"192.0.2.1\"}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void invalidInputIs400NamingTheField() {
        String[][] cases = {
                {"{\"mac_address\":\"00:15:65:12:34\",\"extension_number\":\"1001\",\"vendor\":\"yealink\",\"model\":\"T46S\"}", "mac_address"},
                {"{\"mac_address\":\"ff:ff:ff:ff:ff:ff\",\"extension_number\":\"1001\",\"vendor\":\"yealink\",\"model\":\"T46S\"}", "mac_address"},
                {"{\"extension_number\":\"1001\",\"vendor\":\"yealink\",\"model\":\"T46S\"}", "mac_address"},
                {"{\"mac_address\":\"001565123456\",\"extension_number\":\"1x\",\"vendor\":\"yealink\",\"model\":\"T46S\"}", "extension_number"},
                {"{\"mac_address\":\"001565123456\",\"extension_number\":\"1099\",\"vendor\":\"yealink\",\"model\":\"T46S\"}", "extension_number"},
                {"{\"mac_address\":\"001565123456\",\"extension_number\":\"1001\",\"vendor\":\"acme\",\"model\":\"T46S\"}", "vendor"},
                {"{\"mac_address\":\"001565123456\",\"extension_number\":\"1001\",\"vendor\":\"yealink\",\"model\":\"T99\"}", "model"},
                {"{\"mac_address\":\"001565123456\",\"extension_number\":\"1001\",\"vendor\":\"yealink\",\"model\":\"T46S\",\"x\":1}", "x"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = node.send("POST", "/api/provisioning/devices", token, c[0]);
            assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
            assertThat(json(r).at("/error/field").asText()).as("field for %s", c[0]).isEqualTo(c[1]);
        }
        assertThat(node.devices.list()).isEmpty();
        HttpResponse<String> badPath = node.send("GET", "/api/provisioning/devices/not-a-mac", token, null);
        assertThat(badPath.statusCode()).isEqualTo(400);
        assertThat(json(badPath).at("/error/field").asText()).isEqualTo("mac_address");
    }

    @Test
    void staticIpIsSetWithItsMessageAndValidated() {
        node.send("POST", "/api/provisioning/devices", token, YEALINK);
        HttpResponse<String> r = node.send("POST", "/api/provisioning/devices/001565123456/static-ip", token,
                "{\"static_ip\":\"192.168.1.100\"}");
        assertThat(r.statusCode()).as("static-ip: %s", r.body()).isEqualTo(200);
        assertThat(json(r).get("success").asBoolean()).isTrue();
        assertThat(json(r).get("message").asText()).isEqualTo("Static IP 192.168.1.100 set for device 001565123456");
        assertThat(json(node.send("GET", "/api/provisioning/devices/001565123456", token, null)).get("static_ip").asText())
                .isEqualTo("192.168.1.100");

        for (String bad : new String[] {"10.1", "192.168.1.300", "224.0.0.1", "host.example.com", "fe80::1%eth0"}) {
            HttpResponse<String> refused = node.send("POST", "/api/provisioning/devices/001565123456/static-ip", token,
                    "{\"static_ip\":\"" + bad + "\"}");
            assertThat(refused.statusCode()).as("static-ip %s", bad).isEqualTo(400);
            assertThat(json(refused).at("/error/field").asText()).isEqualTo("static_ip");
        }
        HttpResponse<String> v6 = node.send("POST", "/api/provisioning/devices/001565123456/static-ip", token,
                "{\"static_ip\":\"2001:db8::10\"}");
        assertThat(v6.statusCode()).isEqualTo(200);
    }

    @Test
    void configRouteShowsTheGeneratedFileWithTheDevicesOwnUserNameAndPassword() {
        node.send("POST", "/api/provisioning/devices", token, YEALINK);
        HttpResponse<String> r = node.send("GET", "/api/provisioning/devices/001565123456/config", token, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(r.body()).startsWith("#!version:1.0.0.1").contains("account.1.user_name = 1001",
                "account.1.auth_name = 1001-123456");
        String password = r.body().lines().filter(l -> l.startsWith("account.1.password"))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst().orElseThrow();
        assertThat(node.provisioning.findLogin("1001-123456")).get()
                .as("the device's own HA1 comes from the password in the file")
                .satisfies(l -> assertThat(l.ha1Md5())
                        .isEqualTo(DigestAlgorithm.MD5.ha1("1001-123456", ProvisioningNode.REALM, password)));
        assertThat(json(node.send("GET", "/api/provisioning/devices/001565123456", token, null)).get("sip_user")
                .asText()).isEqualTo("1001-123456");
        assertThat(node.devices.findByMac("001565123456").orElseThrow().lastProvisionedAt())
                .as("the admin's view is not a fetch").isNull();
    }

    @Test
    void everyRouteNeedsTheBearerToken() {
        assertThat(node.send("GET", "/api/provisioning/devices", null, null).statusCode()).isEqualTo(401);
        assertThat(node.send("POST", "/api/provisioning/devices", null, YEALINK).statusCode()).isEqualTo(401);
        assertThat(node.send("GET", "/api/provisioning/devices/001565123456/config", null, null).statusCode()).isEqualTo(401);
        assertThat(node.send("GET", "/api/registered-phones", null, null).statusCode()).isEqualTo(401);
        assertThat(node.send("GET", "/api/phone-lookup/001565123456", null, null).statusCode()).isEqualTo(401);
        assertThat(node.send("POST", "/api/provisioning/devices/import", null, "x", "text/csv").statusCode()).isEqualTo(401);
    }

    @Test
    void importPerRowStoresGoodRowsAndReportsEachBadOne() {
        node.send("POST", "/api/provisioning/devices", token, YEALINK);
        String csv = """
                mac,extension,vendor,model,static_ip
                00:0b:82:00:00:01,1001,grandstream,GXP2170,
                00:15:65:12:34:56,1002,yealink,T46S
                00:04:13:00:00:03,1099,snom,D785
                00:04:13:00:00:04,1002,acme,X1
                0c:38:3e:00:00:05,1002,fanvil,X4U,192.0.2.5
                """;
        HttpResponse<String> r = node.send("POST", "/api/provisioning/devices/import", token, csv, "text/csv");
        assertThat(r.statusCode()).as("import: %s", r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("imported").asLong()).isEqualTo(2);
        assertThat(body.get("failed").asLong()).isEqualTo(3);
        assertThat(body.at("/rows/0/status").asText()).isEqualTo("imported");
        assertThat(body.at("/rows/1/field").asText()).isEqualTo("mac_address");
        assertThat(body.at("/rows/2/field").asText()).isEqualTo("extension_number");
        assertThat(body.at("/rows/3/field").asText()).isEqualTo("vendor");
        assertThat(body.at("/rows/4/line").asLong()).isEqualTo(6);
        assertThat(node.devices.list()).hasSize(3);
        assertThat(node.devices.findByMac("0c383e000005").orElseThrow().staticIp()).isEqualTo("192.0.2.5");
    }

    @Test
    void importAllOrNothingStoresNothingWhenOneRowFails() {
        String csv = """
                00:0b:82:00:00:01,1001,grandstream,GXP2170
                00:04:13:00:00:03,1099,snom,D785
                """;
        HttpResponse<String> r = node.send("POST", "/api/provisioning/devices/import?mode=all_or_nothing", token, csv, "text/csv");
        assertThat(r.statusCode()).as("import: %s", r.body()).isEqualTo(422);
        assertThat(json(r).get("committed").asBoolean()).isFalse();
        assertThat(json(r).at("/rows/0/status").asText()).isEqualTo("skipped");
        assertThat(json(r).at("/rows/1/status").asText()).isEqualTo("failed");
        assertThat(node.devices.list()).isEmpty();

        HttpResponse<String> good = node.send("POST", "/api/provisioning/devices/import?mode=all_or_nothing", token,
                csv.replace("1099", "1002"), "text/csv");
        assertThat(good.statusCode()).as("import: %s", good.body()).isEqualTo(200);
        assertThat(node.devices.list()).hasSize(2);
    }

    @Test
    void importRefusesAFileThatIsNotCsvAndAnUnknownMode() {
        HttpResponse<String> notCsv = node.send("POST", "/api/provisioning/devices/import", token, "\"unterminated,1001", "text/csv");
        assertThat(notCsv.statusCode()).isEqualTo(400);
        assertThat(json(notCsv).at("/error/field").asText()).isEqualTo("file");
        assertThat(json(notCsv).at("/error/message").asText()).as("the import error names no internal class")
                .doesNotContain("Exception", "org.apache");
        HttpResponse<String> mode = node.send("POST", "/api/provisioning/devices/import?mode=some", token, "", "text/csv");
        assertThat(mode.statusCode()).isEqualTo(400);
        assertThat(json(mode).at("/error/field").asText()).isEqualTo("mode");
    }

    @Test
    void registeredPhonesAndPhoneLookupCorrelateProvisioningAndRegistrations() {
        node.send("POST", "/api/provisioning/devices", token, YEALINK);
        node.phones.record(new PhoneSighting("001565123456", "1001", "Yealink SIP-T46S 66.86.0.15", "192.0.2.44",
                "sip:1001@192.0.2.44:5060", Instant.parse("2026-05-01T10:01:00Z"), "1001-123456"));
        node.phones.record(new PhoneSighting(null, "1002", "PolycomVVX-VVX_450-UA/6.3.1.8427", "192.0.2.45",
                "sip:1002@192.0.2.45:5060", Instant.parse("2026-05-01T10:02:00Z"), "1002"));

        HttpResponse<String> list = node.send("GET", "/api/registered-phones", token, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list)).hasSize(2);
        assertThat(json(list).findValuesAsText("auth_user")).as("which device each was")
                .containsExactlyInAnyOrder("1001-123456", "1002");

        JsonNode byMac = json(node.send("GET", "/api/phone-lookup/00:15:65:12:34:56", token, null));
        assertThat(byMac.get("kind").asText()).isEqualTo("mac");
        assertThat(byMac.at("/phone/provisioned").asBoolean()).isTrue();
        assertThat(byMac.at("/phone/registered").asBoolean()).isTrue();
        assertThat(byMac.at("/phone/ip_address").asText()).isEqualTo("192.0.2.44");
        assertThat(byMac.at("/phone/model").asText()).isEqualTo("T46S");

        JsonNode byIp = json(node.send("GET", "/api/phone-lookup/192.0.2.44", token, null));
        assertThat(byIp.get("kind").asText()).isEqualTo("ip");
        assertThat(byIp.at("/phone/mac_address").asText()).isEqualTo("001565123456");
        assertThat(byIp.at("/phone/provisioned").asBoolean()).isTrue();

        JsonNode macless = json(node.send("GET", "/api/phone-lookup/192.0.2.45", token, null));
        assertThat(macless.at("/phone/provisioned").asBoolean()).isFalse();
        assertThat(macless.at("/phone/extension_number").asText()).isEqualTo("1002");

        assertThat(node.send("GET", "/api/phone-lookup/192.0.2.99", token, null).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = node.send("GET", "/api/phone-lookup/nonsense", token, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).at("/error/field").asText()).isEqualTo("mac_or_ip");
    }

    @Test
    void everyProvisioningRouteIsDocumentedInOpenApiWithReferencesThatResolve() throws Exception {
        var documented = node.server.openApi().operations();
        assertThat(documented).containsAll(node.server.registeredRoutes());
        JsonNode doc = Json.MAPPER.readTree(node.server.openApi().json());
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty()
                .allSatisfy(ref -> assertThat(doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        node.properties().forEach(e -> {
            if (e.getKey().equals("$ref")) {
                refs.add(e.getValue().asText());
            }
        });
        node.forEach(child -> collectRefs(child, refs));
    }
}
