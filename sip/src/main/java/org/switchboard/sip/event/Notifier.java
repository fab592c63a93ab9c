package org.switchboard.sip.event;

import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.dialog.DialogId;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.message.Uri;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.Transport;

/**
 * The notifier side of RFC 6665 for the {@link EventPackage}s it is given: answers SUBSCRIBE
 * (489 with Allow-Events for an unknown package, 423 for too short an Expires, 481 for a refresh of
 * an unknown subscription, 503 past {@link NotifierSettings#maxPerResource}), keeps the accepted
 * subscriptions in memory, sends the NOTIFY that
 * follows every accepted SUBSCRIBE, a NOTIFY to every subscriber of a resource on {@link
 * #publish}, and the terminating NOTIFY when a subscription expires or is ended with Expires: 0; a
 * NOTIFY answered 481, timed out or not sendable ends its subscription (§4.2.2).
 *
 * <p>{@link #onSubscribe} runs on the SUBSCRIBE's Call-ID executor; each subscription is then
 * owned by that executor, where every NOTIFY of it is built and sent. The subscription table is
 * concurrent; {@link #publish} and {@link #notifyOutOfDialog} may be called from any thread once
 * the stack is {@linkplain #attach attached}. A SUBSCRIBE arriving before is answered 503.
 */
public final class Notifier implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Map<String, EventPackage> packages;
    private final String allowEvents;
    private final NotifierSettings settings;
    private final String advertisedHost;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final Map<DialogId, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private volatile SipStack stack;

    /**
     * @param advertisedHost the host our Contact names (the stack's advertised host)
     * @param scheduler where expiry timers wait; each only posts to the subscription's executor
     */
    public Notifier(List<EventPackage> packages, NotifierSettings settings, String advertisedHost,
            ScheduledExecutorService scheduler, InstantSource clock) {
        this.packages = packages.stream().collect(Collectors.toUnmodifiableMap(
                p -> p.name().toLowerCase(Locale.ROOT), Function.identity()));
        this.allowEvents = packages.stream().map(EventPackage::name).collect(Collectors.joining(", "));
        this.settings = settings;
        this.advertisedHost = advertisedHost.indexOf(':') >= 0 ? "[" + advertisedHost + "]" : advertisedHost;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** NOTIFYs go out through {@code sipStack} from now on; once, right after the stack started. */
    public void attach(SipStack sipStack) {
        if (stack != null) {
            throw new IllegalStateException("stack already attached");
        }
        stack = sipStack;
    }

    /** The SUBSCRIBE handler for the method router. */
    public void onSubscribe(ServerTransaction tx) {
        SipRequest request = tx.request();
        if (stack == null) {
            refuse(tx, request.createResponse(503).withHeader(HeaderName.RETRY_AFTER, "1"));
            return;
        }
        Optional<String> eventValue = request.headers().first(HeaderName.EVENT).filter(v -> !v.isBlank());
        EventHeader event;
        OptionalLong asked;
        try {
            event = eventValue.map(EventHeader::parse).orElse(null);
            asked = request.expires();
        } catch (SipParseException e) {
            refuse(tx, request.createResponse(400, e.getMessage()));
            return;
        }
        EventPackage eventPackage = event == null ? null : packages.get(event.packageName());
        if (eventPackage == null) {
            // RFC 6665 §4.2.1.1 and §8.2.1: a package we do not serve, or none named; say which we do.
            refuse(tx, request.createResponse(489).withHeader(HeaderName.ALLOW_EVENTS, allowEvents));
            return;
        }
        if (asked.isPresent() && asked.getAsLong() > 0 && asked.getAsLong() < settings.minExpires().toSeconds()) {
            refuse(tx, request.createResponse(423)
                    .withHeader(HeaderName.MIN_EXPIRES, Long.toString(settings.minExpires().toSeconds())));
            return;
        }
        long seconds = Math.min(asked.orElse(settings.defaultExpires().toSeconds()), settings.maxExpires().toSeconds());
        if (request.isInitial()) {
            subscribe(tx, eventPackage, event, seconds);
        } else {
            refresh(tx, event, seconds);
        }
    }

    private void subscribe(ServerTransaction tx, EventPackage eventPackage, EventHeader event, long seconds) {
        Optional<String> resource = eventPackage.admit(tx);
        if (resource.isEmpty()) {
            return; // the package answered
        }
        SipRequest request = tx.request();
        if (request.contacts().isEmpty()) {
            refuse(tx, request.createResponse(400, "Missing Contact"));
            return;
        }
        if (seconds > 0 && count(eventPackage.name(), resource.get()) >= settings.maxPerResource()) {
            log.warn("subscription refused: too many event={} resource={} limit={} source={}", event, resource.get(),
                    settings.maxPerResource(), tx.flow().remote());
            refuse(tx, request.createResponse(503, "Too Many Subscriptions")
                    .withHeader(HeaderName.RETRY_AFTER, Long.toString(settings.minExpires().toSeconds())));
            return;
        }
        SipResponse ok = accepted(request.createResponse(200).withToTag(RandomTokens.tag()), tx, seconds);
        Subscription s = new Subscription(Dialog.asUas(request, ok), eventPackage, event, resource.get(), tx.executor(),
                tx.flow(), clock.instant().plusSeconds(seconds));
        tx.respond(ok);
        if (seconds == 0) {
            // A fetch (§4.4.3): one NOTIFY with the state, the subscription over at once.
            s.terminated = true;
            sendState(s, "terminated;reason=timeout");
            return;
        }
        subscriptions.put(s.dialog.id(), s);
        scheduleExpiry(s, seconds);
        log.debug("subscription started event={} resource={} expires={} source={}", event, s.resource, seconds,
                tx.flow().remote());
        sendState(s, active(s));
    }

    private void refresh(ServerTransaction tx, EventHeader event, long seconds) {
        SipRequest request = tx.request();
        Subscription s = DialogId.ofReceived(request).map(subscriptions::get).orElse(null);
        if (s == null || s.terminated || !s.event.equals(event)) {
            refuse(tx, request.createResponse(481));
            return;
        }
        OptionalInt outOfOrder = s.dialog.receive(request);
        if (outOfOrder.isPresent()) {
            refuse(tx, request.createResponse(outOfOrder.getAsInt()));
            return;
        }
        s.flow = tx.flow();
        tx.respond(accepted(request.createResponse(200), tx, seconds));
        s.expiry.cancel(false);
        if (seconds == 0) {
            // §4.2.1.4: unsubscribing; the last NOTIFY carries the state once more.
            end(s);
            sendState(s, "terminated");
            return;
        }
        s.expiresAt = clock.instant().plusSeconds(seconds);
        scheduleExpiry(s, seconds);
        sendState(s, active(s));
    }

    /**
     * Sends every subscriber of {@code resource} in package {@code event} a NOTIFY with the
     * resource's current state. Any thread.
     */
    public void publish(String event, String resource) {
        String name = event.toLowerCase(Locale.ROOT);
        for (Subscription s : subscriptions.values()) {
            if (s.event.packageName().equals(name) && s.resource.equals(resource)) {
                s.executor.execute(() -> {
                    if (!s.terminated) {
                        sendState(s, active(s));
                    }
                });
            }
        }
    }

    /** Whether a live subscription to {@code resource} in package {@code event} came from {@code source}. Any thread. */
    public boolean isWatchedFrom(String event, String resource, InetSocketAddress source) {
        String name = event.toLowerCase(Locale.ROOT);
        return subscriptions.values().stream().anyMatch(s -> s.event.packageName().equals(name)
                && s.resource.equals(resource) && s.flow.remote().equals(source));
    }

    private long count(String event, String resource) {
        String name = event.toLowerCase(Locale.ROOT);
        return subscriptions.values().stream()
                .filter(s -> s.event.packageName().equals(name) && s.resource.equals(resource)).count();
    }

    /** How many subscriptions are live. */
    public int size() {
        return subscriptions.size();
    }

    /** How many NOTIFYs were sent, in subscriptions and outside them. */
    public long notifiesSent() {
        return sent.sum();
    }

    /**
     * A NOTIFY outside any subscription (the unsolicited kind some phones expect for message
     * waiting instead of subscribing): new Call-ID, sent to {@code target} at {@code hop}; the
     * answer is only logged. Any thread.
     */
    public void notifyOutOfDialog(Uri target, NextHop hop, NameAddress from, NameAddress to, String event,
            EventState state) {
        SipStack sipStack = stack;
        if (sipStack == null) {
            return;
        }
        SipRequest notify = SipRequest.builder(SipMethod.NOTIFY, target)
                .from(from.withTag(RandomTokens.tag()))
                .to(to)
                .callId(RandomTokens.callId())
                .cseq(1)
                .maxForwards(70)
                .contact(contact(hop.transport()))
                .header(HeaderName.EVENT, event)
                .header(HeaderName.SUBSCRIPTION_STATE, "active")
                .body(state.contentType(), state.body())
                .build();
        sent.increment();
        sipStack.send(notify, hop.transport(), hop.address(), new Logged(target.toString(), null));
    }

    /** Stops every expiry timer; the subscriptions are forgotten (phones subscribe again to another node). */
    @Override
    public void close() {
        subscriptions.values().forEach(s -> {
            if (s.expiry != null) {
                s.expiry.cancel(false);
            }
        });
        subscriptions.clear();
    }

    private SipResponse accepted(SipResponse ok, ServerTransaction tx, long seconds) {
        return ok.withHeader(HeaderName.EXPIRES, Long.toString(seconds))
                .withHeader(HeaderName.CONTACT, contact(tx.flow().transport()).toString());
    }

    private void scheduleExpiry(Subscription s, long seconds) {
        s.expiry = scheduler.schedule(() -> s.executor.execute(() -> expire(s)), seconds, TimeUnit.SECONDS);
    }

    private void expire(Subscription s) {
        if (s.terminated || clock.instant().isBefore(s.expiresAt)) {
            return; // ended meanwhile, or refreshed after this timer was taken off the scheduler
        }
        end(s);
        log.debug("subscription expired event={} resource={}", s.event, s.resource);
        sendState(s, "terminated;reason=timeout");
    }

    private void end(Subscription s) {
        s.terminated = true;
        subscriptions.remove(s.dialog.id());
        if (s.expiry != null) {
            s.expiry.cancel(false);
        }
    }

    /** Fetches the package's state and sends it on the subscription's executor, with the state header as it is then. */
    private void sendState(Subscription s, String subscriptionState) {
        s.eventPackage.state(s.resource).whenComplete((state, failure) -> s.executor.execute(() -> {
            if (failure != null) {
                log.warn("no state to notify event={} resource={} reason={}", s.event, s.resource, failure.toString());
                return;
            }
            // A NOTIFY of a live subscription tells the time left when it is sent, not when it was asked for.
            String header = subscriptionState.startsWith("active") ? active(s) : subscriptionState;
            if (header.startsWith("active") && s.terminated) {
                return;
            }
            send(s, header, state);
        }));
    }

    private void send(Subscription s, String subscriptionState, EventState state) {
        SipRequest notify = s.dialog.newRequest(SipMethod.NOTIFY)
                .contact(contact(s.flow.transport()))
                .header(HeaderName.EVENT, s.event.toString())
                .header(HeaderName.SUBSCRIPTION_STATE, subscriptionState)
                .body(state.contentType(), state.body())
                .build();
        sent.increment();
        stack.send(notify, s.flow.transport(), s.flow.remote(), new Logged(s.resource, s));
    }

    private String active(Subscription s) {
        return "active;expires=" + s.remainingSeconds(clock.instant());
    }

    private NameAddress contact(Transport transport) {
        int port = stack.localAddress(transport).getPort();
        String parameters = transport == Transport.UDP ? "" : ";transport=" + transport.viaName().toLowerCase(Locale.ROOT);
        return NameAddress.of(SipUri.parse("sip:" + advertisedHost + ":" + port + parameters));
    }

    private static void refuse(ServerTransaction tx, SipResponse response) {
        tx.respond(response.withToTag(RandomTokens.tag()));
    }

    /**
     * The answer to a NOTIFY: logged; for a subscription's NOTIFY, 481, a timeout or a transport
     * failure ends the subscription (RFC 6665 §4.2.2). Runs on the NOTIFY's Call-ID executor,
     * which for a subscription is its owner.
     */
    private final class Logged implements ClientTransactionListener<SipResponse> {
        private final String target;
        private final Subscription subscription;

        Logged(String target, Subscription subscription) {
            this.target = target;
            this.subscription = subscription;
        }

        @Override
        public void onProvisional(SipResponse response) {}

        @Override
        public void onFinal(SipResponse response) {
            if (response.isSuccess()) {
                return;
            }
            log.debug("notify answered target={} status={}", target, response.status());
            if (response.status() == 481) {
                failed();
            }
        }

        @Override
        public void onTimeout() {
            log.debug("notify timed out target={}", target);
            failed();
        }

        @Override
        public void onTransportError(Throwable cause) {
            log.debug("notify not sent target={} reason={}", target, cause.toString());
            failed();
        }

        private void failed() {
            if (subscription != null && !subscription.terminated) {
                end(subscription);
                log.info("subscription ended by its subscriber's failure event={} resource={}", subscription.event,
                        subscription.resource);
            }
        }
    }
}
