package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

/**
 * Issue 12 item 4 with real peers on the default configuration: a softphone set up with the
 * password the admin typed for 1001 and a desk phone provisioned for 1001 (its own user name and
 * password, read from its generated file) both register, both ring when 1002 calls 1001, a call
 * from the desk phone is recorded as its own, and deleting the device removes its binding and
 * its credentials while the softphone stays registered.
 * SIPp plays both phones (with the desk phone's real User-Agent and MAC) and the caller.
 */
class ProvisionedPhoneBesideSoftphoneIT {
    private static final String TYPED_1001 = "typed-by-admin-1001";
    private static final String PASSWORD_1002 = "caller-pass-1002";
    private static final String MAC = "001565a1b2c3";
    // Both phones send from 127.0.0.1, where registered_phones keeps one phone per address and
    // extension (the last to register): each is checked right after it registered.
    private static final String SOFTPHONE_MAC = "02000000a001";
    private static final String YEALINK = "Yealink SIP-T46S 66.86.0.15";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AutoClose
    private static TestNode node;
    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(dir, """
                rtp: {port_min: 29440, port_max: 29479}
                extensions:
                  - {number: "1001", name: Alice, password: %s}
                  - {number: "1002", name: Bob, password: %s}
                """.formatted(TYPED_1001, PASSWORD_1002));
        server = node.server();
        api = node.api();
    }

    @Test
    void softphoneAndProvisionedPhoneOfOneExtensionBothRingAndDeletingTheDeviceRevokesOnlyIt() throws Exception {
        HttpResponse<String> created = api.post("/api/provisioning/devices", """
                {"mac_address":"%s","extension_number":"1001","vendor":"yealink","model":"T46S"}""".formatted(MAC));
        assertThat(created.statusCode()).as("POST device: " + created.body()).isEqualTo(201);
        String file = api.get("/api/provisioning/devices/" + MAC + "/config").body();
        String deviceUser = line(file, "account.1.auth_name");
        String devicePassword = line(file, "account.1.password");
        assertThat(deviceUser).isEqualTo("1001-a1b2c3");

        int softphone = FreePorts.udpAndTcp();
        int desk = FreePorts.udpAndTcp();
        register(softphone, "1001", TYPED_1001, "Linphone-Desktop/5.2.0", SOFTPHONE_MAC).assertAllCallsSucceeded(
                "softphone registers 1001 with the typed password");
        awaitRegisteredPhone(SOFTPHONE_MAC, "1001");
        register(desk, deviceUser, devicePassword, YEALINK, MAC).assertAllCallsSucceeded(
                "desk phone registers 1001 as " + deviceUser);
        awaitRegisteredPhone(MAC, deviceUser);
        assertThat(contactsOf("1001")).as("both phones are bindings of 1001").hasSize(2);

        Sipp.Running ringingSoftphone = ringing(softphone);
        Sipp.Running ringingDesk = ringing(desk);
        Sipp.scenario("uac_cancel.xml").target(server.sipPort())
                .option("-s", "1001", "-au", "1002", "-ap", PASSWORD_1002,
                        "-auth_uri", "1001@127.0.0.1:" + server.sipPort())
                .key("caller", "1002").key("sdp_ip", "127.0.0.1").key("codec", "8")
                .run().assertAllCallsSucceeded("1002 calls 1001 and cancels while it rings");
        ringingSoftphone.awaitResult().assertAllCallsSucceeded("the softphone rang and was cancelled");
        ringingDesk.awaitResult().assertAllCallsSucceeded("the desk phone rang and was cancelled");

        // The desk phone calls with its own credentials (1002 has no phone registered, and its voicemail
        // box is off, so nothing answers in its stead): the CDR names it.
        assertThat(api.put("/api/voicemail/boxes/1002", "{\"enabled\":false}").statusCode())
                .as("1002's box turned off").isEqualTo(200);
        Sipp.scenario("uac_refused.xml").target(server.sipPort()).localPort(desk)
                .option("-s", "1002", "-au", deviceUser, "-ap", devicePassword,
                        "-auth_uri", "1002@127.0.0.1:" + server.sipPort())
                .key("caller", "1001").key("sdp_ip", "127.0.0.1").key("codec", "8")
                .run().assertAllCallsSucceeded("the desk phone's INVITE is accepted as 1001 and refused for 1002");
        // Both calls of 1002 are written behind; the desk phone's is the newer one (items come newest first).
        JsonNode cdr = await("the desk phone's CDR").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> JSON.readTree(api.get("/api/cdr?extension=1002").body()).path("items"),
                        items -> items.size() == 2).path(0);
        assertThat(cdr.path("caller").asText()).as("CDR " + cdr).isEqualTo("1001");
        assertThat(cdr.path("caller_auth_user").asText()).as("CDR " + cdr).isEqualTo(deviceUser);

        assertThat(api.delete("/api/provisioning/devices/" + MAC).statusCode()).isEqualTo(204);
        await("the deleted device's binding goes with its credentials").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> contactsOf("1001").stream().noneMatch(contact -> contact.contains(":" + desk)));

        register(softphone, "1001", TYPED_1001, "Linphone-Desktop/5.2.0", SOFTPHONE_MAC).assertAllCallsSucceeded(
                "the softphone still registers after the device was deleted");
        Sipp.scenario("register_forbidden.xml").target(server.sipPort()).localPort(desk)
                .option("-s", "1001", "-au", deviceUser, "-ap", devicePassword)
                .key("expires", "300").key("ua", YEALINK).key("mac", MAC)
                .run().assertAllCallsSucceeded("the deleted device's credentials get 403");
        assertThat(contactsOf("1001")).as("the softphone's binding stands")
                .anySatisfy(contact -> assertThat(contact).contains(":" + softphone));
    }

    private static Sipp.Result register(int port, String authUser, String password, String userAgent, String mac)
            throws IOException, InterruptedException {
        return Sipp.scenario("register.xml").target(server.sipPort()).localPort(port)
                .option("-s", "1001", "-au", authUser, "-ap", password)
                .key("expires", "300").key("ua", userAgent).key("mac", mac)
                .run();
    }

    /** A SIPp phone on {@code port} that answers an INVITE with 180 and waits for the CANCEL. */
    private static Sipp.Running ringing(int port) throws IOException {
        Sipp.Running running = Sipp.scenario("uas_ring.xml").localPort(port).start();
        await("SIPp listening on " + port).atMost(Duration.ofSeconds(10)).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
        return running;
    }

    private static String line(String file, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + " = (\\S+)$").matcher(file);
        assertThat(m.find()).as(key + " in the generated file:\n" + file).isTrue();
        return m.group(1);
    }

    private static List<String> contactsOf(String extension) throws IOException, InterruptedException {
        JsonNode bindings = JSON.readTree(api.get("/api/registrations?extension=" + extension).body());
        return StreamSupport.stream(bindings.spliterator(), false).map(b -> b.path("contact").asText()).toList();
    }

    /** Waits until registered_phones (written behind) shows the phone with this MAC and digest user name. */
    private static void awaitRegisteredPhone(String mac, String authUser) {
        await("phone " + mac + " as " + authUser + " in GET /api/registered-phones").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> StreamSupport.stream(JSON.readTree(api.get("/api/registered-phones").body()).spliterator(),
                                false)
                        .anyMatch(p -> p.path("mac_address").asText().equals(mac)
                                && p.path("auth_user").asText().equals(authUser)));
    }
}
