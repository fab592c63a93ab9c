package org.switchboard.pbx.voicemail.mwi;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.CallerAuthentication;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.LocationService;
import org.switchboard.pbx.voicemail.MailboxCounts;
import org.switchboard.pbx.voicemail.MailboxListener;
import org.switchboard.sip.event.Notifier;
import org.switchboard.sip.event.NotifierSettings;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.NextHop;

/**
 * Message waiting for the voicemail service: told of every box change ({@link #changed}), it
 * NOTIFYs the box's subscribers, and sends the same NOTIFY unasked to the box's registered phones
 * whose User-Agent is in {@link UnsolicitedPhones} and which hold no subscription of their own;
 * such a phone also gets the box's state each time it registers ({@link #onEvent}), so a rebooted
 * phone lights its lamp without waiting for the next message. It exists before the voicemail
 * service (which is given it as a listener) and the SIP side, and serves SUBSCRIBE once {@link
 * #start started} with the service's counts and the registrar's authentication; changes before
 * then concern nobody. Subscriptions live in this node's memory only.
 *
 * <p>Thread-safe: {@link #changed} comes on the voicemail service's threads and only reads
 * immutable or concurrent state; the SIP parts are published once through a volatile field.
 */
public final class MessageWaiting implements MailboxListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MessageWaiting.class);
    /** A binding written this shortly before a registration event is the one that REGISTER wrote. */
    private static final Duration JUST_REGISTERED = Duration.ofSeconds(2);

    private final Executor blocking;
    private final UnsolicitedPhones unsolicited;
    private final String domain;
    private volatile Running running;

    /** The SIP side's parts and the counts, once started. */
    private record Running(Notifier notifier, LocationService location, MailboxStates states) {}

    /**
     * @param blocking where a box's counts are read (virtual threads)
     * @param unsolicitedUserAgents comma-separated User-Agent pieces of phones that get NOTIFYs unasked; blank for none
     * @param domain the SIP domain, for Message-Account and the From of unasked NOTIFYs
     */
    public MessageWaiting(Executor blocking, String unsolicitedUserAgents, String domain) {
        this.blocking = blocking;
        this.unsolicited = UnsolicitedPhones.parse(unsolicitedUserAgents);
        this.domain = domain;
    }

    /**
     * The SUBSCRIBE side: the notifier to route SUBSCRIBE to ({@link Notifier#onSubscribe}) and to
     * {@linkplain Notifier#attach attach} to the stack once it runs. Once, while SIP starts.
     *
     * @param store reads a box's counts when it is first asked about (blocking: the voicemail service's {@code counts})
     * @param authentication the registrar's digest check, UAS style (401)
     * @param location the registrar's bindings, for the phones that get NOTIFYs unasked
     * @param advertisedHost the host the stack's Contact names
     * @param scheduler where subscriptions' expiry timers wait
     */
    public Notifier start(Function<String, MailboxCounts> store, CallerAuthentication authentication,
            LocationService location, NotifierSettings settings, String advertisedHost,
            ScheduledExecutorService scheduler, InstantSource clock) {
        if (running != null) {
            throw new IllegalStateException("message waiting already started");
        }
        MailboxStates states = new MailboxStates(store, blocking);
        Notifier notifier = new Notifier(List.of(new MessageSummaryPackage(authentication, states, domain)), settings,
                advertisedHost, scheduler, clock);
        running = new Running(notifier, location, states);
        log.info("message waiting started unsolicited_user_agents={}", unsolicited.userAgentPieces());
        return notifier;
    }

    @Override
    public void changed(MailboxCounts counts) {
        try {
            Running r = running;
            if (r == null) {
                return; // nobody can have subscribed yet: a box is read when first asked about
            }
            r.states().changed(counts);
            r.notifier().publish(MessageSummary.EVENT, counts.box());
            if (!unsolicited.userAgentPieces().isEmpty()) {
                notifyUnasked(r, counts);
            }
        } catch (RuntimeException e) {
            // The voicemail service must not fail because a phone could not be told.
            log.warn("message waiting not sent box={} reason={}", counts.box(), e.toString());
        }
    }

    /**
     * Follows the registrar's {@code RegistrationChanged}: an unsolicited phone whose REGISTER (new
     * or refresh) caused it is sent the box's state; a change by the expiry sweep tells nobody.
     * Runs on the event bus's thread.
     */
    public void onEvent(PbxEvent event) {
        Running r = running;
        if (r == null || unsolicited.userAgentPieces().isEmpty()
                || !(event instanceof PbxEvent.RegistrationChanged changed) || changed.bindings() == 0) {
            return;
        }
        List<Binding> fresh = r.location().lookup(changed.extension()).stream()
                .filter(b -> unsolicited.matches(b.userAgent()))
                .filter(b -> !b.updatedAt().isBefore(changed.at().minus(JUST_REGISTERED)))
                .toList();
        if (!fresh.isEmpty()) {
            r.states().counts(changed.extension()).thenAccept(counts -> fresh.forEach(b -> notifyUnasked(r, counts, b)));
        }
    }

    private void notifyUnasked(Running r, MailboxCounts counts) {
        for (Binding b : r.location().lookup(counts.box())) {
            if (unsolicited.matches(b.userAgent())) {
                notifyUnasked(r, counts, b);
            }
        }
    }

    private void notifyUnasked(Running r, MailboxCounts counts, Binding b) {
        if (r.notifier().isWatchedFrom(MessageSummary.EVENT, counts.box(), b.flow().remote())) {
            return; // it subscribed after all: its subscription tells it
        }
        r.notifier().notifyOutOfDialog(b.contact(), new NextHop(b.flow().transport(), b.flow().remote()),
                NameAddress.of(SipUri.of(counts.box(), domain)), NameAddress.of(b.contact()), MessageSummary.EVENT,
                MessageSummary.of(counts, domain));
    }

    /** Live subscriptions on this node (0 before SIP started), for metrics. */
    public int subscriptions() {
        Running r = running;
        return r == null ? 0 : r.notifier().size();
    }

    /** NOTIFYs sent so far, in subscriptions and unasked, for metrics. */
    public long notifiesSent() {
        Running r = running;
        return r == null ? 0 : r.notifier().notifiesSent();
    }

    /** Forgets the subscriptions and stops their timers. */
    @Override
    public void close() {
        Running r = running;
        if (r != null) {
            r.notifier().close();
        }
    }
}
