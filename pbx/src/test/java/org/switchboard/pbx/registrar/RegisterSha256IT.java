package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.extension.DigestChoice;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.sip.auth.ClientSecret;
import org.switchboard.sip.auth.DigestChallenge;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.auth.DigestCredentials;
import org.switchboard.sip.auth.ParseResult;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.parse.SipParser;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Per-phone digest algorithms over real UDP on the default configuration: a phone that answers the
 * SHA-256 challenge registers with SHA-256, baresip 1.0 is offered MD5 alone, and an extension set
 * to SHA-256 refuses an MD5 answer. SIPp 3.6 and baresip compute MD5 only, so the phone here is our
 * own digest client on a plain socket sending a real phone's User-Agent.
 */
class RegisterSha256IT {
    private static final String PASSWORD = "sha256-secret-1";
    private static final String YEALINK = "Yealink SIP-T54W 96.86.0.100";

    private RegistrarHarness server;
    private DatagramSocket phone;

    @BeforeEach
    void start() throws Exception {
        server = new RegistrarHarness(TestDatabases.sqlite(), RegistrarSettings.defaults(RegistrarHarness.REALM));
        server.addExtension("1001", PASSWORD, true);
        server.extensions.create(new ExtensionInput("1002", "Strict", PASSWORD, null, null, false, true,
                DigestChoice.SHA_256), "test");
        phone = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        phone.setSoTimeout(5000);
    }

    @AfterEach
    void stop() {
        phone.close();
        server.close();
    }

    private SipResponse exchange(String user, String userAgent, int cseq, String authorization) throws Exception {
        int port = phone.getLocalPort();
        String request = "REGISTER sip:pbx.test SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bKsha" + user + cseq + ";rport\r\n"
                + "From: <sip:" + user + "@pbx.test>;tag=sha\r\nTo: <sip:" + user + "@pbx.test>\r\n"
                + "Call-ID: sha256-test-" + user + "\r\nCSeq: " + cseq + " REGISTER\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + port + ">\r\nExpires: 600\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        phone.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.port()));
        DatagramPacket reply = new DatagramPacket(new byte[65_536], 65_536);
        phone.receive(reply);
        return (SipResponse) SipParser.DEFAULT.parse(Arrays.copyOf(reply.getData(), reply.getLength()));
    }

    @Test
    void aPhoneThatAnswersTheSha256ChallengeRegistersWithSha256() throws Exception {
        SipResponse challenge = exchange("1001", YEALINK, 1, null);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.headers().all(HeaderName.WWW_AUTHENTICATE)).as("the default offer to a phone no rule names")
                .hasSize(2).satisfiesExactly(
                        md5 -> assertThat(md5).contains("algorithm=MD5"),
                        sha -> assertThat(sha).contains("algorithm=SHA-256"));

        String authorization = answer("1001", challenge, "REGISTER");
        assertThat(authorization).contains("algorithm=SHA-256");
        SipResponse ok = exchange("1001", YEALINK, 2, authorization);

        assertThat(ok.status()).as("REGISTER answered with SHA-256 credentials").isEqualTo(200);
        assertThat(ok.headers().values(HeaderName.CONTACT)).singleElement().asString().endsWith(";expires=600");
        assertThat(ok.headers().first("Date")).get().asString().endsWith(" GMT");
        assertThat(server.registrar.location().lookup("1001")).hasSize(1);
    }

    @Test
    void baresip1IsChallengedWithMd5Alone() throws Exception {
        SipResponse challenge = exchange("1001", "baresip v1.0.0 (x86_64/linux)", 1, null);

        assertThat(challenge.headers().all(HeaderName.WWW_AUTHENTICATE)).singleElement().asString()
                .contains("algorithm=MD5");
    }

    @Test
    void anExtensionSetToSha256IsOfferedItAloneAndRefusesAnMd5Answer() throws Exception {
        SipResponse challenge = exchange("1002", "baresip v1.0.0 (x86_64/linux)", 1, null);
        assertThat(challenge.headers().all(HeaderName.WWW_AUTHENTICATE)).as("the extension's setting beats the rule")
                .singleElement().asString().contains("algorithm=SHA-256");

        // An MD5 answer built on that nonce, as a phone forcing a weaker algorithm would send it.
        String nonce = ((ParseResult.Parsed<DigestChallenge>) DigestChallenge.parse(
                challenge.headers().all(HeaderName.WWW_AUTHENTICATE).getFirst())).value().nonce();
        String md5Challenge = "Digest realm=\"pbx.test\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\"";
        String md5Answer = new DigestClient("1002", new ClientSecret.Password(PASSWORD))
                .answer(List.of(md5Challenge), "REGISTER", "sip:pbx.test") instanceof ParseResult.Parsed<DigestCredentials> p
                ? p.value().toHeaderValue() : "";
        assertThat(exchange("1002", YEALINK, 2, md5Answer).status()).as("MD5 answer to a SHA-256-only challenge")
                .isEqualTo(403);

        SipResponse again = exchange("1002", YEALINK, 3, null);
        assertThat(exchange("1002", YEALINK, 4, answer("1002", again, "REGISTER")).status()).isEqualTo(200);
    }

    private static String answer(String user, SipResponse challenge, String method) {
        ParseResult<DigestCredentials> answer = new DigestClient(user, new ClientSecret.Password(PASSWORD))
                .answer(challenge.headers().all(HeaderName.WWW_AUTHENTICATE), method, "sip:pbx.test");
        assertThat(answer).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<DigestCredentials>) answer).value().toHeaderValue();
    }
}
