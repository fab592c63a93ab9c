package org.switchboard.pbx.emergency;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.voicemail.mail.SmtpSender;
import org.switchboard.store.emergency.EmergencySettings;

/**
 * Tells people of an emergency call as it starts, without ever delaying it: on a virtual thread of
 * its own, it names the caller (the extension's name, from memory), puts {@link
 * PbxEvent.EmergencyCall} on the bus (webhooks' {@code emergency.call}, the event stream), rings the front desk's extension if one is set, and
 * mails the configured addresses through the {@code smtp.*} server (three attempts a few seconds
 * apart; not queued across restarts: a notice about a call long over helps nobody). Without
 * {@code smtp.host} no mail goes and the log says so. Thread-safe.
 */
public final class EmergencyNotifier {
    private static final Logger log = LoggerFactory.getLogger(EmergencyNotifier.class);
    private static final int MAIL_ATTEMPTS = 3;
    private static final Duration MAIL_RETRY = Duration.ofSeconds(5);

    private final ExtensionService extensions;
    private final EventBus events;
    private final Optional<SmtpSender> smtp;
    private final FrontDesk frontDesk;
    private final ZoneId zone;

    /** @param zone the server's time zone, for the time in the mail */
    public EmergencyNotifier(ExtensionService extensions, EventBus events, Optional<SmtpSender> smtp,
            FrontDesk frontDesk, ZoneId zone) {
        this.extensions = extensions;
        this.events = events;
        this.smtp = smtp;
        this.frontDesk = frontDesk;
        this.zone = zone;
    }

    /** Sends the notices of {@code notice} under {@code settings}; returns at once. Any thread. */
    void callStarted(EmergencyNotice notice, EmergencySettings settings) {
        Thread.ofVirtual().name("emergency-notice-" + notice.extension()).start(() -> notify(notice, settings));
    }

    private void notify(EmergencyNotice unnamed, EmergencySettings settings) {
        EmergencyNotice notice = unnamed.named(extensions.nameOf(unnamed.extension()).orElse(""));
        events.publish(new PbxEvent.EmergencyCall(notice.at(), notice.callId(), notice.extension(), notice.name(),
                notice.number(), notice.callbackNumber(), notice.location().isPresent() ? notice.where() : ""));
        settings.notifyExtension().ifPresent(desk -> frontDesk.ring(desk, notice));
        if (settings.notifyEmails().isEmpty()) {
            return;
        }
        if (smtp.isEmpty()) {
            log.warn("emergency mail not sent: smtp.host is not set recipients={}", settings.notifyEmails());
            return;
        }
        mail(notice, settings);
    }

    private void mail(EmergencyNotice notice, EmergencySettings settings) {
        for (int attempt = 1; attempt <= MAIL_ATTEMPTS; attempt++) {
            try {
                smtp.get().send((session, from) -> EmergencyMail.compose(session, from, settings.notifyEmails(),
                        notice, zone));
                log.info("emergency mail sent call_id={} recipients={}", notice.callId(), settings.notifyEmails());
                return;
            } catch (MessagingException | RuntimeException e) {
                log.warn("emergency mail not sent call_id={} attempt={} reason={}", notice.callId(), attempt, e.toString());
                if (attempt < MAIL_ATTEMPTS) {
                    pause();
                }
            }
        }
        log.error("emergency mail lost call_id={} recipients={}", notice.callId(), settings.notifyEmails());
    }

    private static void pause() {
        try {
            Thread.sleep(MAIL_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
