package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;
import org.w3c.dom.Document;

/**
 * Kari's Law and RAY BAUM'S Act with real peers: trunk {@code carrier} (a SIPp UAS playing the
 * carrier and the emergency service behind it) allows one channel, and extension 3001 holds it with
 * an ordinary outbound call. Extension 3002, on do-not-disturb and with no dial-plan rule for 911,
 * dials {@code 911} with no prefix: the carrier still gets the INVITE, with Request-URI {@code
 * 911}, P-Asserted-Identity the configured callback number, {@code Geolocation: <cid:...>} and
 * {@code Geolocation-Routing: yes}, and a {@code multipart/mixed} body whose PIDF-LO (parsed here
 * as XML) carries 3002's civic address under the Content-ID the header names; a real SMTP server
 * (GreenMail) receives the notice naming the extension and the location, a webhook receiver the
 * {@code emergency.call} event; the dial-plan test says
 * 911 goes to the emergency route.
 */
class EmergencyCallIT {
    private static final String CALLBACK = "15550001000";
    private static final String NUMBER = "15550002000";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();

    @Test
    void nineOneOneReachesAFullTrunkWithLocationAndCallbackDespiteDoNotDisturbAndMailsTheDesk() throws Exception {
        int smtpPort = FreePorts.udpAndTcp();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        opened.add(smtp::stop);
        int carrierPort = FreePorts.udpAndTcp();
        Path messages = dir.resolve("carrier-messages.log");
        TalkingPhoneMedia carrierMedia = opened.add(TalkingPhoneMedia.talking(1000));
        Sipp.Running carrier = Sipp.scenario("carrier_answer_until_bye.xml").localPort(carrierPort).calls(2)
                .key("rtp_port", Integer.toString(carrierMedia.port()))
                .option("-trace_msg", "-message_file", messages.toString()).runLimitSeconds(50).start();
        opened.add(carrier::stop);

        List<String> webhooks = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                webhooks.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        opened.add(() -> receiver.stop(0));

        TestNode node = opened.add(TestNode.start(dir, """
                rtp: {port_min: 33000, port_max: 33039}
                smtp: {host: 127.0.0.1, port: %d, from: pbx@pbx.test}
                extensions:
                  - {number: "3001", name: Caller, password: caller-secret-1}
                  - {number: "3002", name: Alice Example, password: alice-secret-2}
                """.formatted(smtpPort)));
        ApiClient api = node.api();
        status(api.post("/api/trunks", """
                {"name":"carrier","host":"127.0.0.1","port":%d,"transport":"udp","register":false,
                 "options_interval":0,"max_channels":1}""".formatted(carrierPort)), 201);
        status(api.post("/api/outbound-routes", """
                {"name":"external","dial":"$1","trunks":["carrier"]}"""), 201);
        status(api.post("/api/dialplan/rules", """
                {"priority":5,"name":"outside line","pattern":"9(1[0-9]{10})","action":"outbound","target":"external"}"""), 201);
        status(api.put("/api/emergency", """
                {"numbers":["911","112"],"trunks":["carrier"],"callback_number":"%s",
                 "notify":{"emails":["desk@example.com"]}}""".formatted(CALLBACK)), 200);
        status(api.put("/api/extensions/3002/location", """
                {"civic":{"country":"US","state":"CA","city":"Springfield","street":"Main St","house_number":"100",
                 "floor":"2","room":"201"}}"""), 200);
        status(api.post("/api/webhooks", """
                {"url":"http://127.0.0.1:%d/hook","events":["emergency.call"]}""".formatted(receiver.getAddress().getPort())),
                201);
        status(api.put("/api/extensions/3002/call-settings", """
                {"do_not_disturb":true}"""), 200);

        JsonNode test = JSON.readTree(api.get("/api/dialplan/test?from=3002&to=911").body());
        assertThat(test.get("route").get("type").asText()).as(test.toString()).isEqualTo("emergency");
        assertThat(test.get("plan").get("details").toString()).as(test.toString())
                .contains("number sent: 911").contains("carrier: route order");
        assertThat(test.get("trail").toString()).as("the location named").contains("room 201");

        int sipPort = node.server().sipPort();
        Sipp.Running outside = Sipp.scenario("uac_talk_until_hung_up.xml").target(sipPort)
                .option("-s", "9" + NUMBER, "-au", "3001", "-ap", "caller-secret-1",
                        "-auth_uri", "9" + NUMBER + "@127.0.0.1:" + sipPort)
                .key("caller", "3001").runLimitSeconds(45).start();
        opened.add(outside::stop);
        await("3001's outside call takes the carrier's only channel").atMost(WAIT)
                .until(() -> answered(api, NUMBER) != null);

        Sipp.Running emergency = Sipp.scenario("uac_talk_until_hung_up.xml").target(sipPort)
                .option("-s", "911", "-au", "3002", "-ap", "alice-secret-2", "-auth_uri", "911@127.0.0.1:" + sipPort)
                .key("caller", "3002").runLimitSeconds(45).start();
        opened.add(emergency::stop);
        JsonNode call = await("3002's 911 call answered through the full trunk").atMost(WAIT)
                .until(() -> answered(api, "911"), c -> c != null);

        assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("GreenMail received the emergency notice").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("desk@example.com");
        assertThat(mail.getSubject()).isEqualTo("Emergency call: Alice Example (3002) dialled 911");
        assertThat((String) mail.getContent()).contains("100 Main St, floor 2, room 201, Springfield, CA, US")
                .contains("Callback: " + CALLBACK);

        JsonNode hook = JSON.readTree(await("the emergency.call webhook").atMost(WAIT)
                .until(() -> webhooks.stream().findFirst().orElse(null), b -> b != null));
        assertThat(hook.get("event").asText()).isEqualTo("emergency.call");
        assertThat(hook.at("/data/extension").asText()).isEqualTo("3002");
        assertThat(hook.at("/data/name").asText()).isEqualTo("Alice Example");
        assertThat(hook.at("/data/callback_number").asText()).isEqualTo(CALLBACK);
        assertThat(hook.at("/data/location").asText()).contains("room 201");
        assertThat(hook.at("/data/call_id").asText()).isEqualTo(call.get("id").asText());

        for (JsonNode live : JSON.readTree(api.get("/api/calls").body())) {
            api.delete("/api/calls/" + URLEncoder.encode(live.get("id").asText(), StandardCharsets.UTF_8));
        }
        outside.awaitResult().assertAllCallsSucceeded("3001 called out and was hung up");
        emergency.awaitResult().assertAllCallsSucceeded("3002 reached the emergency service and was hung up");
        carrier.awaitResult().assertAllCallsSucceeded("the carrier took both calls");

        String invite = inviteTo("911", Files.readString(messages));
        assertThat(invite).as("the Request-URI").startsWith("INVITE sip:911@127.0.0.1:" + carrierPort);
        assertThat(header(invite, "P-Asserted-Identity")).as("the callback number").contains("sip:" + CALLBACK + "@");
        assertThat(header(invite, "Geolocation-Routing")).isEqualTo("yes");
        String cid = header(invite, "Geolocation").replaceAll("^<cid:(.*)>$", "$1");
        assertThat(header(invite, "Content-Type")).startsWith("multipart/mixed;boundary=");
        assertThat(invite).as("the offer is one part").contains("Content-Type: application/sdp").contains("m=audio ");
        Matcher part = Pattern.compile("Content-Type: application/pidf\\+xml\r?\nContent-ID: <" + Pattern.quote(cid)
                + ">\r?\n\r?\n(<presence.*</presence>)", Pattern.DOTALL).matcher(invite);
        assertThat(part.find()).as("a PIDF-LO part labelled %s in%n%s", cid, invite).isTrue();
        Document pidf = parse(part.group(1));
        String civic = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
        assertThat(text(pidf, civic, "country")).isEqualTo("US");
        assertThat(text(pidf, civic, "A1")).isEqualTo("CA");
        assertThat(text(pidf, civic, "A3")).isEqualTo("Springfield");
        assertThat(text(pidf, civic, "RD")).isEqualTo("Main St");
        assertThat(text(pidf, civic, "HNO")).isEqualTo("100");
        assertThat(text(pidf, civic, "FLR")).isEqualTo("2");
        assertThat(text(pidf, civic, "ROOM")).isEqualTo("201");
        assertThat(pidf.getElementsByTagNameNS("urn:ietf:params:xml:ns:pidf:geopriv10", "location-info").getLength())
                .isEqualTo(1);
    }

    private static void status(HttpResponse<String> response, int expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    }

    /** The answered call to {@code callee} listed by the API, or null. */
    private static JsonNode answered(ApiClient api, String callee) throws Exception {
        for (JsonNode call : JSON.readTree(api.get("/api/calls").body())) {
            if (callee.equals(call.get("callee").asText()) && "ANSWERED".equals(call.get("state").asText())) {
                return call;
            }
        }
        return null;
    }

    /** The INVITE to {@code number} in SIPp's message log, as received. */
    private static String inviteTo(String number, String log) {
        int start = log.indexOf("INVITE sip:" + number + "@");
        assertThat(start).as("an INVITE to %s in the carrier's log:%n%s", number, log).isNotNegative();
        int end = log.indexOf("\n----------", start);
        return log.substring(start, end < 0 ? log.length() : end);
    }

    private static String header(String message, String name) {
        Matcher m = Pattern.compile("(?mi)^" + Pattern.quote(name) + ":\\s*(.*?)\r?$").matcher(message);
        assertThat(m.find()).as("%s in%n%s", name, message).isTrue();
        return m.group(1).strip();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document document, String namespace, String element) {
        return document.getElementsByTagNameNS(namespace, element).item(0).getTextContent();
    }
}
