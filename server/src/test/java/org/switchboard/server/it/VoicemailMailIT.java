package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.pbx.voicemail.mail.VoicemailMailer;
import org.switchboard.server.wiring.MailModule;
import org.switchboard.server.wiring.Server;
import org.switchboard.server.wiring.VoicemailModule;
import org.switchboard.sip.testkit.FreePorts;

/**
 * Voicemail by e-mail through a whole node (issue 14): {@code smtp.*} in the configuration, a
 * message left through the node's voicemail service for an extension with an e-mail address, and
 * a real SMTP server (GreenMail) receiving the mail with the recording attached. Retries and the
 * outbox across restarts are proven in VoicemailMailerTest and JdbiMailOutboxStoreTest.
 */
class VoicemailMailIT {
    @TempDir
    Path dir;

    @Test
    void aMessageLeftForAnExtensionWithAnAddressIsMailedWithItsRecording() throws Exception {
        int smtpPort = FreePorts.udpAndTcp();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestNode node = TestNode.start(dir, """
                rtp: {port_min: 29500, port_max: 29519}
                smtp: {host: 127.0.0.1, port: %d, from: voicemail@pbx.test}
                extensions:
                  - {number: "1001", name: Alice, password: alice-secret-1, email: alice@example.com}
                  - {number: "1002", name: Bob, password: bob-secret-22}
                """.formatted(smtpPort))) {
            Server server = node.server();
            leaveMessage(server, "1002"); // no address: not mailed
            leaveMessage(server, "1001");

            assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("GreenMail received the voicemail mail").isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("alice@example.com");
            assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("voicemail@pbx.test");
            assertThat(mail.getSubject()).isEqualTo("New voicemail from Test Caller <+4930999> (0:03)");
            Multipart parts = (Multipart) mail.getContent();
            assertThat(parts.getBodyPart(1).getFileName()).matches("voicemail-1001-[0-9]+\\.wav");
            try (InputStream in = parts.getBodyPart(1).getInputStream()) {
                assertThat(in.readAllBytes()).as("the recording, byte for byte").isEqualTo(wav());
            }
            VoicemailMailer mailer = server.module(MailModule.class).orElseThrow().mailer().orElseThrow();
            await().atMost(Duration.ofSeconds(5)).until(() -> mailer.pending() == 0);
            assertThat(smtp.getReceivedMessages()).as("only the box with an address").hasSize(1);
            assertThat(new ApiClient(server.httpPort()).get("/metrics").body())
                    .contains("switchboard_voicemail_mails_sent_total 1.0")
                    .contains("switchboard_voicemail_mails_failures_total 0.0");
        } finally {
            smtp.stop();
        }
    }

    private static void leaveMessage(Server server, String box) throws Exception {
        VoicemailService voicemail = server.module(VoicemailModule.class).orElseThrow().voicemail();
        Path audio = voicemail.newRecording(box);
        Files.write(audio, wav());
        voicemail.deposit(box, audio, "+4930999", "Test Caller", Instant.now(), Duration.ofSeconds(3));
    }

    /** 8 kHz mono 16-bit PCM, a 50 ms ramp. */
    private static byte[] wav() {
        int data = 800;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        for (int i = 0; i < data / 2; i++) {
            b.putShort((short) (i * 40));
        }
        return b.array();
    }
}
