package org.switchboard.pbx.voicemail.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.Folder;
import org.switchboard.pbx.voicemail.VoicemailBox;
import org.switchboard.pbx.voicemail.VoicemailMessage;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.store.mail.JdbiMailOutboxStore;
import org.switchboard.store.mail.OutboxMail;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Voicemail by e-mail against a real SMTP server (GreenMail on loopback) and a real SQLite outbox:
 * the mail arrives with the WAV attached, a mail server that is down is tried again until it takes
 * the mail, and a mail queued before a restart is sent by the next run.
 */
class VoicemailMailerTest {
    private static final RetrySchedule FAST = new RetrySchedule(Duration.ofMillis(200), Duration.ofSeconds(1));
    private static final byte[] WAV = wav();
    private static final VoicemailBox ALICE = new VoicemailBox("1001", true, Optional.of("alice@example.com"),
            Duration.ofMinutes(3), false);

    @TempDir
    Path dir;

    private final int smtpPort = FreePorts.udpAndTcp();
    private final GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private TestDatabase db = TestDatabases.sqlite();
    private VoicemailMailer mailer;

    @AfterEach
    void stop() {
        if (mailer != null) {
            mailer.close();
        }
        scheduler.shutdownNow();
        smtp.stop();
        db.close();
    }

    private VoicemailMailer mailer() {
        return new VoicemailMailer(new JdbiMailOutboxStore(db.database()),
                new SmtpSettings("127.0.0.1", smtpPort, "pbx@example.com", false, Optional.empty(), Optional.empty()),
                FAST, Clock.systemUTC());
    }

    private Path recording() throws Exception {
        return Files.write(dir.resolve("msg-7.wav"), WAV);
    }

    private static VoicemailMessage message(long id) {
        return new VoicemailMessage(id, "1001", "+4930555", "Bob Caller", Instant.parse("2026-12-07T10:15:30Z"),
                Duration.ofSeconds(75), Folder.NEW);
    }

    @Test
    void aNewMessageIsMailedToTheBoxOwnerWithItsRecordingAttached() throws Exception {
        smtp.start();
        mailer = mailer();
        mailer.start(scheduler);

        mailer.deposited(ALICE, message(7), recording());

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("GreenMail received the voicemail mail").isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("alice@example.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("pbx@example.com");
        assertThat(mail.getSubject()).isEqualTo("New voicemail from Bob Caller <+4930555> (1:15)");
        assertThat(mail.getHeader("X-Switchboard-Mailbox")).containsExactly("1001");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Mailbox 1001", "Bob Caller <+4930555>",
                "2026-12-07 10:15:30 UTC");
        Part attachment = parts.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("voicemail-1001-7.wav");
        assertThat(attachment.getContentType()).startsWith("audio/wav");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).as("the attachment is the recording, byte for byte").isEqualTo(WAV);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> mailer.pending() == 0);
    }

    @Test
    void aBoxWithoutAnAddressIsNotMailed() throws Exception {
        smtp.start();
        mailer = mailer();
        mailer.start(scheduler);

        mailer.deposited(new VoicemailBox("1002", true, Optional.empty(), Duration.ofMinutes(3), false), message(8),
                recording());
        mailer.deposited(ALICE, message(9), recording()); // a later mail that does go out

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getHeader("X-Switchboard-Mailbox")).containsExactly("1001"));
        await().atMost(Duration.ofSeconds(5)).until(() -> mailer.pending() == 0);
        assertThat(new JdbiMailOutboxStore(db.database()).due(Instant.now().plusSeconds(3600), 10))
                .as("nothing queued for the box without an address").isEmpty();
    }

    @Test
    void aMailServerThatIsDownIsTriedAgainUntilItTakesTheMail() throws Exception {
        mailer = mailer();
        mailer.start(scheduler);

        mailer.deposited(ALICE, message(7), recording());

        JdbiMailOutboxStore outbox = new JdbiMailOutboxStore(db.database());
        await().atMost(Duration.ofSeconds(15)).until(() -> attempts(outbox) >= 2);
        assertThat(outbox.due(Instant.now().plusSeconds(60), 10)).singleElement()
                .satisfies(m -> assertThat(m.lastError()).hasValueSatisfying(e -> assertThat(e).contains("Connect")));
        assertThat(smtp.getReceivedMessages()).isEmpty();

        smtp.start();

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("delivered once the server is up").isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.pending() == 0);
        assertThat(smtp.getReceivedMessages()).as("sent once, not once per attempt").hasSize(1);
    }

    @Test
    void aMailQueuedBeforeARestartIsSentByTheNextRun() throws Exception {
        mailer = mailer();
        mailer.start(scheduler);
        mailer.deposited(ALICE, message(7), recording());
        JdbiMailOutboxStore outbox = new JdbiMailOutboxStore(db.database());
        await().atMost(Duration.ofSeconds(15)).until(() -> attempts(outbox) >= 1);
        mailer.close();
        Files.delete(dir.resolve("msg-7.wav")); // the outbox holds its own copy of the audio

        db.restart();
        smtp.start();
        mailer = mailer();
        mailer.start(scheduler);

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("the next run sends what the outbox holds").isTrue();
        try (InputStream in = ((Multipart) smtp.getReceivedMessages()[0].getContent()).getBodyPart(1).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(WAV);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> mailer.pending() == 0);
    }

    /** Failed attempts of the one queued mail, 0 while none is queued. */
    private static int attempts(JdbiMailOutboxStore outbox) {
        return outbox.due(Instant.now().plusSeconds(3600), 10).stream().mapToInt(OutboxMail::attempts).max().orElse(0);
    }

    /** A short 8 kHz mono 16-bit WAV: header and a few samples. */
    private static byte[] wav() {
        byte[] samples = new byte[800];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (i * 7);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + samples.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples.length).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(samples.length).put(samples);
        return b.array();
    }
}
