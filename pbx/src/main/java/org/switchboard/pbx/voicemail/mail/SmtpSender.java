package org.switchboard.pbx.voicemail.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.switchboard.store.mail.NewOutboxMail;

/**
 * Sends one voicemail mail per call over SMTP (Jakarta Mail on Eclipse Angus), one session per
 * mail, with connect, read and write timeouts so a mail server that stops answering fails the
 * attempt instead of holding it. Blocks: call from a virtual thread. Thread-safe (the session is).
 */
final class SmtpSender {
    private static final String TIMEOUT_MILLIS = "20000";

    private final SmtpSettings settings;
    private final Session session;

    SmtpSender(SmtpSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (settings.startTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        p.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        this.session = Session.getInstance(p);
    }

    /** Sends the mail; returns when the server accepted it. */
    void send(NewOutboxMail mail) throws MessagingException {
        MimeMessage message = VoicemailMailComposer.compose(session, settings.from(), mail);
        if (settings.username().isPresent()) {
            Transport.send(message, settings.username().get(), settings.password().orElse(""));
        } else {
            Transport.send(message);
        }
    }
}
