package org.switchboard.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** A whole node started in-process answers on every surface it wires: SIP, the REST API and phone provisioning. */
class RunningNodeTest {
    @TempDir
    Path dir;

    @BothEngines
    void sipRegistrarDialPlanAndProvisioningAreServedByTheRunningNode(TestDatabase database) throws Exception {
        Server server = Server.start(config(database), Clock.systemUTC(), "test");
        try {
            String options = exchange(server.sipPort(), request("OPTIONS", "1001"));
            assertThat(options).as("OPTIONS answered by the node").startsWith("SIP/2.0 200");

            String overTls = exchangeOverTls(server.sipTlsPort(), request("OPTIONS", "1001").replace("SIP/2.0/UDP", "SIP/2.0/TLS"));
            assertThat(overTls).as("OPTIONS over TLS, self-signed certificate generated on first run").startsWith("SIP/2.0 200");
            assertThat(dir.resolve("tls")).as("the generated pair is kept for the next start").isDirectoryContaining("glob:**sip-tls.crt");

            String register = exchange(server.sipPort(), request("REGISTER", "1001"));
            assertThat(register).as("REGISTER without credentials is challenged by the registrar")
                    .startsWith("SIP/2.0 401").contains("WWW-Authenticate: Digest");

            String token = login(server.httpPort());
            HttpResponse<String> route = api(server.httpPort(), token, "GET", "/api/dialplan/test?from=1001&to=1001", null);
            assertThat(route.body()).as("the default dial plan was seeded").contains("internal extensions");

            assertThat(api(server.httpPort(), token, "GET", "/api/registrations", null).statusCode()).isEqualTo(200);
            HttpResponse<String> box = api(server.httpPort(), token, "GET", "/api/voicemail/boxes/1001", null);
            assertThat(box.body()).as("the voicemail module is wired").contains("\"number\":\"1001\"", "\"enabled\":true");

            HttpResponse<String> device = api(server.httpPort(), token, "POST", "/api/provisioning/devices",
                    "{\"mac_address\":\"00:15:65:12:34:56\",\"extension_number\":\"1001\",\"vendor\":\"yealink\",\"model\":\"T46S\"}");
            assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
            String access = api(server.httpPort(), token, "GET", "/api/provisioning/access", null).body();
            String httpsUrl = access.replaceAll(".*\"https_url\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            assertThat(httpsUrl).as(access).startsWith("https://127.0.0.1:" + server.httpPort() + "/provision/");
            HttpResponse<String> file;
            try (HttpClient phone = HttpClient.newBuilder().sslContext(trusting(dir.resolve("tls/sip-tls.crt"))).build()) {
                file = phone.send(HttpRequest.newBuilder(URI.create(httpsUrl + "001565123456.cfg")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            assertThat(file.statusCode()).as("HTTPS on the HTTP port with the SIP TLS certificate").isEqualTo(200);
            assertThat(file.body()).as("the phone's file names its extension").contains("1001");
            assertThat(send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort() + "/provision/001565123456.cfg")).GET()).statusCode())
                    .as("the MAC alone gets nothing").isEqualTo(404);
        } finally {
            server.stop();
        }
    }

    private SwitchboardConfig config(TestDatabase database) throws IOException {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1001", name: Alice, password: alice-password}
                """);
        return new ConfigLoader(Map.of(
                "SWITCHBOARD_DATA_DIR", dir.resolve("data").toString(),
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password(),
                "SWITCHBOARD_PROVISIONING_KEY_FILE", dir.resolve("provisioning.key").toString(),
                "SWITCHBOARD_SIP_TLS_DIR", dir.resolve("tls").toString())).load(file, true);
    }

    private static String request(String method, String user) {
        String callId = method.toLowerCase() + "-" + System.nanoTime();
        return method + " sip:pbx.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK" + callId + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@pbx.test>;tag=t1\r\n"
                + "To: <sip:" + user + "@pbx.test>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:5999>\r\n"
                + "Expires: 60\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** Sends one request over UDP and returns the first final response (provisional ones skipped). */
    private static String exchange(int port, String request) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(5000);
            byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            while (true) {
                DatagramPacket reply = new DatagramPacket(new byte[8192], 8192);
                socket.receive(reply);
                String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
                if (!text.startsWith("SIP/2.0 1")) {
                    return text;
                }
            }
        }
    }

    /** Sends one request over TLS (any certificate accepted: the node's is self-signed) and reads the first final response. */
    private static String exchangeOverTls(int port, String request) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustingManager()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("SIP/2.0 ") && !line.startsWith("SIP/2.0 1")) {
                    return line;
                }
            }
            return "";
        }
    }

    /** Accepts any server certificate; only for reaching the node's self-signed TLS listener in this test. */
    private static final class TrustingManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** Trusts exactly the certificate in {@code pem}, as a phone given the server's certificate does. */
    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trusted.setCertificateEntry("switchboard", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String login(int port) throws IOException, InterruptedException {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"root\",\"password\":\"root-password\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> api(int port, String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
