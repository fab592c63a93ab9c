package org.switchboard.pbx.trunk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.trunk.TrunkState.Health;
import org.switchboard.pbx.trunk.TrunkState.Registration;
import org.switchboard.sip.app.AuthenticatingRequest;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.auth.ClientSecret;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.SipServerResolver;
import org.switchboard.store.trunk.NewSipTrunk;

/**
 * One enabled trunk at work on this node: registers to the carrier with digest authentication
 * (RFC 3261 §10.2), refreshes before the granted lifetime runs out, retries with back-off when
 * refused or unanswered, probes it with OPTIONS and counts unanswered probes, and un-registers
 * (Expires: 0) when stopped. All its state is owned by the serial executor of its registration's
 * Call-ID; timers only post to that executor; probes run on their own Call-IDs joined to it.
 */
final class TrunkLine {
    private static final Logger log = LoggerFactory.getLogger(TrunkLine.class);
    private static final String USER_AGENT = "Switchboard";

    private final NewSipTrunk trunk;
    private final TrunkAddress address;
    private final Optional<DigestClient> digest;
    private final SipStack stack;
    private final SipServerResolver resolver;
    private final ScheduledExecutorService scheduler;
    private final TrunkTimings timings;
    private final Clock clock;
    private final Consumer<TrunkState> publish;
    private final String callId = RandomTokens.callId();
    private final String fromTag = RandomTokens.tag();
    private final Executor executor;

    private TrunkState state = TrunkState.STARTING;
    /** The carrier's servers in the order DNS gave (SRV priority and weight); null until resolved. */
    private List<NextHop> hops;
    private int hopIndex;
    private NextHop hop;
    private long cseq;
    private int requestedExpiry;
    private int failures;
    private int misses;
    private boolean stopped;
    private ScheduledFuture<?> registerTimer;
    private ScheduledFuture<?> probeTimer;

    TrunkLine(NewSipTrunk trunk, Optional<String> password, SipStack stack, SipServerResolver resolver,
            ScheduledExecutorService scheduler, TrunkTimings timings, Clock clock, Consumer<TrunkState> publish) {
        this.trunk = trunk;
        this.address = new TrunkAddress(trunk);
        this.digest = trunk.username().map(u -> new DigestClient(u, new ClientSecret.Password(password.orElse(""))));
        this.stack = stack;
        this.resolver = resolver;
        this.scheduler = scheduler;
        this.timings = timings;
        this.clock = clock;
        this.publish = publish;
        this.executor = stack.executorFor(callId);
        this.requestedExpiry = trunk.registerExpiry();
    }

    /** Resolves the carrier's address, then registers and starts probing. Any thread. */
    void start() {
        executor.execute(() -> {
            publish.accept(state);
            resolve();
        });
    }

    /**
     * Stops every timer and, when registered, un-registers (Expires: 0). Any thread. The future
     * completes when the carrier answered the un-REGISTER, or at once when there was none to send.
     */
    CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            stopped = true;
            cancel(registerTimer);
            cancel(probeTimer);
            if (state.registration() == Registration.REGISTERED && hop != null) {
                register(0, r -> done.complete(null));
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    private void resolve() {
        resolver.resolve(address.hopHost(), address.hopPort(), address.transport()).whenComplete((resolved, failure) -> executor.execute(() -> {
            if (stopped) {
                return;
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException c && c.getCause() != null
                        ? c.getCause() : failure;
                onRegisterFailed(cause.getMessage());
                return;
            }
            hops = resolved;
            hopIndex = 0;
            hop = resolved.getFirst();
            if (trunk.register()) {
                register(requestedExpiry, this::onRegistered);
            }
            if (trunk.optionsInterval() > 0 && probeTimer == null) {
                probe();
            }
        }));
    }

    // --- registration -------------------------------------------------------------------------

    private void register(int expires, Consumer<SipResponse> onSuccess) {
        SipUri registrar = address.carrierUri(Optional.empty());
        // The address-of-record is user@domain: no port, no transport (RFC 3261 §10.2).
        NameAddress aor = NameAddress.of(SipUri.of(trunk.username().orElseThrow(), TrunkAddress.bracketed(trunk.host())));
        SipRequest.Builder request = SipRequest.builder(SipMethod.REGISTER, registrar)
                .from(aor.withTag(fromTag))
                .to(aor)
                .callId(callId)
                .cseq(++cseq)
                .maxForwards(70)
                .contact(contact())
                .header(HeaderName.EXPIRES, Integer.toString(expires))
                .header(HeaderName.USER_AGENT, USER_AGENT);
        address.route().ifPresent(request::route);
        AuthenticatingRequest.send(stack, request.build(), hop, digest, new AuthenticatingRequest.Outcome() {
            @Override
            public void onFinal(SipRequest sent, SipResponse response) {
                cseq = Math.max(cseq, sent.cseq().number());
                if (expires == 0) {
                    log.info("trunk un-registered trunk={} status={}", trunk.name(), response.status());
                    onSuccess.accept(response);
                } else if (stopped) {
                    // Stopped while this REGISTER was under way: take back what it just bound.
                    if (response.isSuccess()) {
                        register(0, r -> { });
                    }
                } else if (response.isSuccess()) {
                    onSuccess.accept(response);
                } else if (response.status() == 423 && retryWithMinExpires(response)) {
                    return;
                } else {
                    onRegisterFailed(response.status() + " " + response.reason()
                            + (response.status() == 401 || response.status() == 407 ? " (credentials refused)" : ""));
                }
            }

            @Override
            public void onNoResponse(SipRequest sent, String reason) {
                cseq = Math.max(cseq, sent.cseq().number());
                if (expires == 0) {
                    onSuccess.accept(null);
                } else if (!stopped) {
                    nextServer();
                    onRegisterFailed(reason);
                }
            }
        });
    }

    private void onRegistered(SipResponse ok) {
        int granted = grantedExpiry(ok);
        failures = 0;
        Instant until = clock.instant().plusSeconds(granted);
        update(state.withRegistration(Registration.REGISTERED, Optional.empty(), Optional.of(until)));
        long refreshMillis = Math.max(1000, (long) (granted * 1000 * timings.refreshAt()));
        log.info("trunk registered trunk={} expires={} refresh_in={}ms", trunk.name(), granted, refreshMillis);
        registerTimer = later(Duration.ofMillis(refreshMillis), () -> register(requestedExpiry, this::onRegistered));
    }

    /** RFC 3261 §10.2.8: a 423 names the shortest lifetime the registrar takes; ask for that once. */
    private boolean retryWithMinExpires(SipResponse response) {
        Optional<Integer> min = response.headers().first(HeaderName.MIN_EXPIRES).flatMap(TrunkLine::seconds);
        if (min.isEmpty() || min.get() <= requestedExpiry) {
            return false;
        }
        requestedExpiry = min.get();
        register(requestedExpiry, this::onRegistered);
        return true;
    }

    /** An unanswered server: the next one DNS gave is tried; past the last, DNS is asked again. */
    private void nextServer() {
        if (hops != null && ++hopIndex < hops.size()) {
            hop = hops.get(hopIndex);
        } else {
            hops = null;
            hop = null;
        }
    }

    private void onRegisterFailed(String reason) {
        failures++;
        Duration wait = timings.retryAfter(failures);
        update(state.withRegistration(trunk.register() ? Registration.FAILED : Registration.UNREGISTERED,
                Optional.of(reason), Optional.empty()));
        log.warn("trunk registration failed trunk={} reason=\"{}\" retry_in={}s", trunk.name(), reason, wait.toSeconds());
        registerTimer = later(wait, hop == null ? this::resolve : () -> register(requestedExpiry, this::onRegistered));
    }

    /** The lifetime the registrar granted our Contact (its expires parameter, else Expires, else what we asked). */
    private int grantedExpiry(SipResponse ok) {
        SipUri ours = (SipUri) contact().uri();
        for (String value : ok.headers().values(HeaderName.CONTACT)) {
            try {
                NameAddress contact = NameAddress.parse(value);
                if (contact.uri().isEquivalentTo(ours)) {
                    Optional<Integer> expires = contact.parameters().get("expires").flatMap(TrunkLine::seconds);
                    if (expires.isPresent()) {
                        return expires.get();
                    }
                }
            } catch (RuntimeException e) {
                log.debug("unreadable contact in REGISTER answer trunk={} value={}", trunk.name(), value);
            }
        }
        return ok.headers().first(HeaderName.EXPIRES).flatMap(TrunkLine::seconds).orElse(requestedExpiry);
    }

    // --- OPTIONS probes -----------------------------------------------------------------------

    private void probe() {
        if (hop == null) {
            // The carrier's address is being looked up again: this probe counts as unanswered.
            onProbe(Optional.empty(), null);
            return;
        }
        String probeCallId = RandomTokens.callId();
        stack.joinExecutor(probeCallId, callId);
        SipUri target = address.carrierUri(Optional.empty());
        SipRequest.Builder options = SipRequest.builder(SipMethod.OPTIONS, target)
                .from(NameAddress.of(localUri()).withTag(RandomTokens.tag()))
                .to(NameAddress.of(target))
                .callId(probeCallId)
                .cseq(1)
                .maxForwards(70)
                .header(HeaderName.USER_AGENT, USER_AGENT);
        address.route().ifPresent(options::route);
        boolean[] settled = {false};
        ScheduledFuture<?> timeout = later(timings.probeTimeout(), () -> {
            if (!settled[0]) {
                settled[0] = true;
                onProbe(Optional.empty(), probeCallId);
            }
        });
        AuthenticatingRequest.send(stack, options.build(), hop, digest, new AuthenticatingRequest.Outcome() {
            @Override
            public void onFinal(SipRequest sent, SipResponse response) {
                settle(Optional.of(response));
            }

            @Override
            public void onNoResponse(SipRequest sent, String reason) {
                settle(Optional.empty());
            }

            private void settle(Optional<SipResponse> answer) {
                timeout.cancel(false);
                if (!settled[0]) {
                    settled[0] = true;
                    onProbe(answer, probeCallId);
                }
            }
        });
    }

    /** Any response shows the carrier is there (even a 4xx: it parsed and answered our request). */
    private void onProbe(Optional<SipResponse> answer, String probeCallId) {
        if (probeCallId != null) {
            stack.leaveExecutor(probeCallId);
        }
        if (stopped) {
            return;
        }
        if (answer.isPresent()) {
            if (state.status() != Health.UP) {
                log.info("trunk up trunk={} status={}", trunk.name(), answer.get().status());
            }
            misses = 0;
            update(state.withStatus(Health.UP, Optional.empty()));
        } else if (++misses >= trunk.optionsMisses()) {
            if (state.status() != Health.DOWN) {
                log.warn("trunk down trunk={} unanswered_probes={}", trunk.name(), misses);
            }
            update(state.withStatus(Health.DOWN, Optional.of("no answer to " + misses + " OPTIONS in a row")));
        }
        probeTimer = later(Duration.ofSeconds(trunk.optionsInterval()), this::probe);
    }

    // --- helpers ------------------------------------------------------------------------------

    private void update(TrunkState next) {
        state = next;
        publish.accept(next);
    }

    private ScheduledFuture<?> later(Duration wait, Runnable task) {
        return scheduler.schedule(() -> executor.execute(() -> {
            if (!stopped) {
                task.run();
            }
        }), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private SipUri localUri() {
        return SipUri.parse("sip:" + trunk.username().orElse("switchboard") + "@" + TrunkAddress.bracketed(stack.advertisedHost()));
    }

    private NameAddress contact() {
        int port = stack.localAddress(address.transport()).getPort();
        return NameAddress.of(SipUri.parse("sip:" + trunk.username().orElse("switchboard") + "@"
                + TrunkAddress.bracketed(stack.advertisedHost()) + ":" + port + address.transportParameter()));
    }

    private static Optional<Integer> seconds(String value) {
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
