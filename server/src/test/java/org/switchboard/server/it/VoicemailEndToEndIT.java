package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.server.wiring.MessageWaitingModule;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.event.Notifier;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

/**
 * Voicemail from end to end on a whole node with real peers only (docs/voicemail.md,
 * docs/voicemail-notifications.md): a SIPp phone watches box 1002 (no phone registered for it), a
 * SIPp caller dials 1002 and reaches the box as the last resort, talks a 1 kHz tone for five
 * seconds and hangs up; the message is then in the REST API with its length and its tone, in
 * GreenMail's inbox with its recording attached, and on the watching phone's lamp; deleting it
 * over the API turns the lamp off and removes its file from the data directory.
 */
class VoicemailEndToEndIT {
    private static final String PASSWORD = "voicemail-e2e-42";
    private static final String BOX = "1002";
    private static final Duration TALKED = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aMessageLeftByACallerIsListedMailedSignalledAndGoneWithItsFileWhenDeleted() throws Exception {
        int smtpPort = FreePorts.udpAndTcp();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestNode node = TestNode.start(dir, """
                rtp: {port_min: 31400, port_max: 31419}
                smtp: {host: 127.0.0.1, port: %2$d, from: voicemail@pbx.test}
                extensions:
                  - {number: "1001", name: Alice, password: %1$s}
                  - {number: "1002", name: Bob, password: %1$s, email: bob@example.com}
                """.formatted(PASSWORD, smtpPort))) {
            Server server = node.server();
            Sipp.Running lamp = null;
            try {
                ApiClient api = node.api();
                VoicemailBoxes boxes = new VoicemailBoxes(api, dir);
                Notifier notifier = server.module(MessageWaitingModule.class).orElseThrow().notifier();

                lamp = Sipp.scenario("subscribe_mwi_until_deleted.xml").target(server.sipPort()).credentials(BOX, PASSWORD)
                        .option("-auth_uri", BOX + "@127.0.0.1:" + server.sipPort()).runLimitSeconds(90).start();
                await("NOTIFY of the subscription (no 0/0)").atMost(Duration.ofSeconds(15))
                        .until(() -> notifier.notifiesSent() >= 1);

                new VoicemailCaller(server.sipPort(), PASSWORD).talk("1001", BOX, VoicemailCaller.untilAfterBeep(BOX, TALKED));

                JsonNode message = boxes.awaitMessages(BOX, 1).getFirst();
                assertThat(boxes.messages(BOX)).as("one message").hasSize(1);
                assertThat(message.path("caller").asText()).isEqualTo("1001");
                assertThat(message.path("folder").asText()).isEqualTo("new");
                assertThat(message.path("duration_seconds").asDouble()).as("talked from the beep to the BYE: " + message)
                        .isCloseTo(TALKED.toSeconds(), within(0.7));
                long id = message.path("id").asLong();
                byte[] wav = boxes.audio(BOX, id);
                Recording audio = new Recording("message " + message, WavFile.read(wav));
                assertThat(audio.seconds()).as(audio.describe(VoicemailCaller.TONE_HZ))
                        .isCloseTo(TALKED.toSeconds(), within(0.7));
                assertThat(audio.shareOfBlocksWithTone(VoicemailCaller.TONE_HZ)).as(audio.describe(VoicemailCaller.TONE_HZ))
                        .isGreaterThan(0.9);
                List<Path> files = boxes.files();
                assertThat(files).as("the message's file under data_dir/voicemail").hasSize(1);
                assertThat(Files.readAllBytes(files.getFirst())).as("the file the API serves").isEqualTo(wav);

                assertThat(smtp.waitForIncomingEmail(20_000, 1)).as("GreenMail received the voicemail mail").isTrue();
                MimeMessage mail = smtp.getReceivedMessages()[0];
                assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("bob@example.com");
                assertThat(mail.getSubject()).startsWith("New voicemail from Carol Caller <1001> (0:0");
                Multipart parts = (Multipart) mail.getContent();
                assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("voicemail-" + BOX + "-" + id + ".wav");
                try (InputStream in = parts.getBodyPart(1).getInputStream()) {
                    assertThat(in.readAllBytes()).as("the attachment is the recording, byte for byte").isEqualTo(wav);
                }

                // the lamp's NOTIFY of the deposit (yes 1/0) goes out after the commit; the
                // deletion must come after it, since a NOTIFY carries the state when it is sent
                await("NOTIFY of the message (yes 1/0)").atMost(Duration.ofSeconds(10))
                        .until(() -> notifier.notifiesSent() >= 2);
                assertThat(boxes.delete(BOX, id)).as("DELETE the message").isEqualTo(204);

                lamp.awaitResult().assertAllCallsSucceeded("SUBSCRIBE " + BOX + " with digest; NOTIFY no 0/0, yes 1/0 after"
                        + " the call, no 0/0 after the DELETE; unsubscribe and terminating NOTIFY");
                assertThat(boxes.messages(BOX)).as("box " + BOX + " after the DELETE").isEmpty();
                assertThat(files.getFirst()).as("the deleted message's file").doesNotExist();
                assertThat(boxes.files()).as("files under data_dir/voicemail").isEmpty();
            } finally {
                if (lamp != null) {
                    lamp.stop();
                }
            }
        } finally {
            smtp.stop();
        }
    }
}
