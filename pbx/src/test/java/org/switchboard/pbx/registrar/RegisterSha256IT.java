package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.auth.ClientSecret;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.auth.ParseResult;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.parse.SipParser;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The default challenge (SHA-256 then MD5, RFC 8760) answered with SHA-256 over real UDP: SIPp and
 * baresip answer MD5 only, so this client is our own digest client on a plain socket.
 */
class RegisterSha256IT {
    private static final String PASSWORD = "sha256-secret-1";

    private RegistrarHarness server;
    private DatagramSocket phone;

    @BeforeEach
    void start() throws Exception {
        server = new RegistrarHarness(TestDatabases.sqlite(), RegistrarSettings.defaults(RegistrarHarness.REALM));
        server.addExtension("1001", PASSWORD, true);
        phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        phone.setSoTimeout(5000);
    }

    @AfterEach
    void stop() {
        phone.close();
        server.close();
    }

    private SipResponse exchange(int cseq, String authorization) throws Exception {
        int port = phone.getLocalPort();
        String request = "REGISTER sip:pbx.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bKsha" + cseq + ";rport\r\n"
                + "From: <sip:1001@pbx.test>;tag=sha\r\nTo: <sip:1001@pbx.test>\r\n"
                + "Call-ID: sha256-test\r\nCSeq: " + cseq + " REGISTER\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:1001@127.0.0.1:" + port + ">\r\nExpires: 600\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        phone.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.port()));
        DatagramPacket reply = new DatagramPacket(new byte[65_536], 65_536);
        phone.receive(reply);
        return (SipResponse) SipParser.DEFAULT.parse(Arrays.copyOf(reply.getData(), reply.getLength()));
    }

    @Test
    void sha256ChallengeIsOfferedFirstAndASha256AnswerRegisters() throws Exception {
        SipResponse challenge = exchange(1, null);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.headers().all(HeaderName.WWW_AUTHENTICATE)).hasSize(2)
                .first().asString().contains("algorithm=SHA-256");

        ParseResult<DigestCredentials> answer = new DigestClient("1001", new ClientSecret.Password(PASSWORD))
                .answer(challenge.headers().all(HeaderName.WWW_AUTHENTICATE), "REGISTER", "sip:pbx.test");
        assertThat(answer).isInstanceOf(ParseResult.Parsed.class);
        String authorization = ((ParseResult.Parsed<DigestCredentials>) answer).value().toHeaderValue();
        assertThat(authorization).contains("algorithm=SHA-256");
        SipResponse ok = exchange(2, authorization);

        assertThat(ok.status()).as("REGISTER answered with SHA-256 credentials").isEqualTo(200);
        assertThat(ok.headers().values(HeaderName.CONTACT)).singleElement().asString().endsWith(";expires=600");
        assertThat(ok.headers().first("Date")).get().asString().endsWith(" GMT");
        assertThat(server.registrar.location().lookup("1001")).hasSize(1);
    }
}
