package org.switchboard.server.wiring;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.voicemail.mail.SmtpSettings;
import org.switchboard.pbx.voicemail.mail.VoicemailMailer;
import org.switchboard.server.config.SwitchboardConfig;

/**
 * Voicemail by e-mail (docs/voicemail-notifications.md): with {@code smtp.host} set, the mailer the
 * voicemail service was given as a listener (FeatureWiring) queues each new message of a box with
 * an address in the outbox table (V140); here it starts delivering once the node's jobs are
 * scheduled, including what a previous run left, and stops at shutdown. Without {@code smtp.host}
 * nothing is queued or mailed, and the start log says so. Driven by the thread that starts and
 * stops the server.
 */
public record MailModule(Optional<VoicemailMailer> mailer) implements FeatureModule {
    private static final Logger log = LoggerFactory.getLogger(MailModule.class);

    /** The mail server of {@code smtp.*}, when {@code smtp.host} is set: voicemail's and emergency calls' mails go there. */
    static Optional<SmtpSettings> smtpSettings(SwitchboardConfig config) {
        return config.smtp().host().map(host -> new SmtpSettings(host, config.smtp().port(), config.smtp().from(),
                config.smtp().startTls(), config.smtp().username(), config.smtp().password()));
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        mailer.ifPresentOrElse(m -> m.start(housekeeping.scheduler()),
                () -> log.info("voicemail mail off: smtp.host is not set"));
    }

    @Override
    public void close() {
        mailer.ifPresent(VoicemailMailer::close);
    }
}
