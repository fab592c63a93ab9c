package org.switchboard.pbx.voicemail.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.switchboard.store.mail.NewOutboxMail;

/**
 * Sends one mail per call over SMTP (Jakarta Mail on Eclipse Angus), one session per mail, with
 * connect, read and write timeouts so a mail server that stops answering fails the attempt
 * instead of holding it: voicemail mails, and the emergency-call notices that go through the same
 * {@code smtp.*} settings. Blocks: call from a virtual thread. Thread-safe (the session is).
 */
public final class SmtpSender {
    /** Writes one mail in a session, from the configured sender address. */
    @FunctionalInterface
    public interface Composer {
        MimeMessage compose(Session session, String from) throws MessagingException;
    }

    private static final String TIMEOUT_MILLIS = "20000";

    private final SmtpSettings settings;
    private final Session session;

    public SmtpSender(SmtpSettings settings) {
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

    /** Sends the voicemail mail; returns when the server accepted it. */
    void send(NewOutboxMail mail) throws MessagingException {
        send((session, from) -> VoicemailMailComposer.compose(session, from, mail));
    }

    /** Sends the mail {@code composer} writes; returns when the server accepted it. */
    public void send(Composer composer) throws MessagingException {
        MimeMessage message = composer.compose(session, settings.from());
        if (settings.username().isPresent()) {
            Transport.send(message, settings.username().get(), settings.password().orElse(""));
        } else {
            Transport.send(message);
        }
    }
}
