package org.switchboard.pbx.voicemail.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.switchboard.store.mail.NewOutboxMail;

/**
 * Writes the mail for one voicemail message: a subject naming the caller and the length, a short
 * text part, and the message's WAV attached as {@code voicemail-BOX-ID.wav}. Stateless.
 */
final class VoicemailMailComposer {
    static final String AUDIO_TYPE = "audio/wav";
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private VoicemailMailComposer() {}

    static MimeMessage compose(Session session, String from, NewOutboxMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject("New voicemail from " + caller(mail) + " (" + length(mail.duration()) + ")",
                StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(mail.receivedAt()));
        message.setHeader("X-Switchboard-Mailbox", mail.box());

        MimeBodyPart text = new MimeBodyPart();
        text.setText("Mailbox " + mail.box() + " has a new message.\n\n"
                + "From:     " + caller(mail) + "\n"
                + "Received: " + RECEIVED.format(mail.receivedAt()) + "\n"
                + "Length:   " + length(mail.duration()) + "\n\n"
                + "The recording is attached.\n", StandardCharsets.UTF_8.name());
        MimeBodyPart audio = new MimeBodyPart();
        audio.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.audio(), AUDIO_TYPE)));
        audio.setFileName(attachmentName(mail));
        audio.setDisposition(MimeBodyPart.ATTACHMENT);
        message.setContent(new MimeMultipart(text, audio));
        return message;
    }

    static String attachmentName(NewOutboxMail mail) {
        return "voicemail-" + mail.box() + "-" + mail.messageId() + ".wav";
    }

    private static String caller(NewOutboxMail mail) {
        String number = mail.callerNumber().isBlank() ? "an unknown number" : mail.callerNumber();
        return mail.callerName().isBlank() ? number : mail.callerName() + " <" + number + ">";
    }

    private static String length(Duration d) {
        return d.toMinutes() + ":" + String.format("%02d", d.toSecondsPart());
    }
}
