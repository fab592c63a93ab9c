package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.voicemail.MailboxListener;
import org.switchboard.pbx.voicemail.mail.RetrySchedule;
import org.switchboard.pbx.voicemail.mail.SmtpSettings;
import org.switchboard.pbx.voicemail.mail.VoicemailMailer;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.db.Database;
import org.switchboard.store.mail.JdbiMailOutboxStore;

/**
 * Voicemail by e-mail (docs/voicemail-notifications.md): with {@code smtp.host} set, its {@link
 * #listener} queues each new message of a box with an address in the outbox table (V140) and the
 * mailer delivers from there once the node's jobs are scheduled, including what a previous run left.
 * Without it nothing is queued or mailed, and the start log says so. Built and driven by the thread
 * that starts and stops the server.
 */
public final class MailModule implements FeatureModule {
    private static final Logger log = LoggerFactory.getLogger(MailModule.class);

    private final Optional<VoicemailMailer> mailer;

    public MailModule(SwitchboardConfig.Smtp smtp, Database database, Clock clock) {
        this.mailer = smtp.host().map(host -> new VoicemailMailer(new JdbiMailOutboxStore(database),
                new SmtpSettings(host, smtp.port(), smtp.from(), smtp.startTls(), smtp.username(), smtp.password()),
                RetrySchedule.DEFAULT, clock));
        if (mailer.isEmpty()) {
            log.info("voicemail mail off: smtp.host is not set");
        }
    }

    @Override
    public String name() {
        return "mail";
    }

    /** What the voicemail service tells of every new message (does nothing with mail off). */
    public MailboxListener listener() {
        return mailer.<MailboxListener>map(m -> m).orElse(counts -> { });
    }

    /** The mailer, when {@code smtp.host} is set. */
    public Optional<VoicemailMailer> mailer() {
        return mailer;
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        mailer.ifPresent(m -> m.start(housekeeping.scheduler()));
    }

    @Override
    public void close() {
        mailer.ifPresent(VoicemailMailer::close);
    }
}
