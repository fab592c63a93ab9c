package org.switchboard.server.wiring;

import java.time.Duration;
import java.util.Map;
import org.switchboard.pbx.call.CallerAuthentication;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.Subscription;
import org.switchboard.pbx.voicemail.MailboxListener;
import org.switchboard.pbx.voicemail.Voicemail;
import org.switchboard.pbx.voicemail.mwi.MessageWaiting;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.sip.app.RequestHandler;
import org.switchboard.sip.event.Notifier;
import org.switchboard.sip.event.NotifierSettings;
import org.switchboard.sip.message.SipMethod;

/**
 * Message waiting (docs/voicemail-notifications.md): the {@link MessageWaiting} listener the
 * voicemail service was built with (FeatureWiring) serves SUBSCRIBE once SIP starts, with the
 * service's counts, authenticated with the registrar's digest check; registrations of phones that
 * get NOTIFYs unasked are followed on the event bus. Nothing stored: subscriptions live in the
 * node's memory. Built and driven by the thread that starts and stops the server.
 */
public final class MessageWaitingModule implements FeatureModule {
    /** Shorter subscriptions get 423 (RFC 6665 §4.2.1.1); phones ask for minutes to an hour. */
    private static final Duration MIN_EXPIRES = Duration.ofSeconds(60);
    private static final Duration DEFAULT_EXPIRES = Duration.ofHours(1);

    private final MessageWaiting messageWaiting;
    private final Voicemail voicemail;
    private final NotifierSettings settings;
    private Notifier notifier;
    private Subscription subscription;

    /**
     * @param messageWaiting the listener the voicemail service was given
     * @param voicemail where a box's counts are read when it is first asked about
     */
    public MessageWaitingModule(MessageWaiting messageWaiting, Voicemail voicemail, SwitchboardConfig.Mwi config) {
        this.messageWaiting = messageWaiting;
        this.voicemail = voicemail;
        Duration max = config.maxExpires();
        this.settings = new NotifierSettings(min(MIN_EXPIRES, max), min(DEFAULT_EXPIRES, max), max,
                NotifierSettings.MAX_PER_RESOURCE);
    }

    @Override
    public String name() {
        return "mwi";
    }

    /** The voicemail service's listener (tests tell it of box changes directly). */
    public MailboxListener listener() {
        return messageWaiting;
    }

    /** The SUBSCRIBE side once SIP started (its counts of subscriptions and NOTIFYs sent). */
    public Notifier notifier() {
        return notifier;
    }

    @Override
    public Map<SipMethod, RequestHandler> sipRequests(SipSide sip) {
        notifier = messageWaiting.start(voicemail::counts, CallerAuthentication.of(sip.registrar(), sip.domain(),
                CallerAuthentication.Challenge.UAS), sip.registrar().location(), settings, sip.advertisedHost(),
                sip.scheduler(), sip.clock());
        return Map.of(SipMethod.SUBSCRIBE, notifier::onSubscribe);
    }

    @Override
    public void subscribe(EventBus events) {
        // Lossy is fine: a missed registration only delays the lamp until the box's next change.
        subscription = events.subscribe("mwi-registrations", EventBus.Delivery.DROP_OLDEST, 1024, messageWaiting::onEvent);
    }

    @Override
    public void sipStarted(SipWiring sip) {
        notifier.attach(sip.stack());
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        messageWaiting.close();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
