package org.switchboard.pbx.call;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.MediaEndpoints;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.media.sdp.SdpParseException;
import org.switchboard.media.sdp.SdpParser;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.call.timer.SessionTimerNegotiation;
import org.switchboard.pbx.call.timer.SessionTimerSettings;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.registrar.LocationService;
import org.switchboard.pbx.registrar.RegistrarService;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.pbx.routing.CallPlan;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * Call control's entry points: the SIP requests of calls (initial INVITE: authenticate, plan it
 * with the {@link CallRouter}, start a {@link Call}; in-dialog requests, CANCEL and ACK timeouts: hand to the call owning the
 * Call-ID), and the {@link ActiveCalls} view the API uses. Request callbacks run on the Call-ID's
 * executor, which for every leg of a call is the call's; the API methods may be called from any
 * thread and post to the calls' executors.
 */
public final class CallControl implements ActiveCalls, RecordableCalls {
    private static final Logger log = LoggerFactory.getLogger(CallControl.class);

    private final CallServices services;
    private final CallerAuthentication authentication;
    private final CallRouter router;
    private final PbxAnswering answering;
    private final CallRegistry registry = new CallRegistry();
    private final LocationService location;
    private volatile TrunkCalls trunkCalls = TrunkCalls.NONE;

    /**
     * @param scheduler the node's housekeeping scheduler (ring timeouts post from it to the call)
     * @param endpoints where the PBX opens its own media (calls it answers itself, hold music)
     * @param holdMusic what a held party hears ({@link HoldMusic#NONE}: silence)
     * @param lastResort where calls go that an extension cannot take ({@link ExtensionLastResort#NONE}: the caller
     *     gets the failure)
     */
    public CallControl(SipStack stack, RtpRelay relay, RegistrarService registrar, DialPlanService dialPlan,
            CallSettingsService callSettings, CdrRecorder cdr, EventBus events, ScheduledExecutorService scheduler,
            InstantSource clock, CallControlSettings settings, MediaEndpoints endpoints, HoldMusic holdMusic,
            ExtensionLastResort lastResort) {
        this.services = new CallServices(stack, relay, cdr, events, scheduler, clock, settings,
                new SessionTimerNegotiation(SessionTimerSettings.DEFAULTS), new Farewells(), endpoints, holdMusic,
                new RecorderHook(), new RingingCalls(), new CallerNameHook());
        this.authentication = new CallerAuthentication(registrar.authenticator(), registrar.credentials(),
                registrar.offers(), settings.domain(), registrar.authFailures());
        this.location = registrar.location();
        this.router = new CallRouter(dialPlan, callSettings::current, location, lastResort);
        this.answering = new PbxAnswering(services, registry, router);
        answering.applications().register("feature", new FeatureCodes(callSettings, answering.applications()));
    }

    /** INVITE: a new call, or a re-INVITE of one in progress. */
    public void onInvite(ServerTransaction tx) {
        SipRequest request = tx.request();
        if (!request.isInitial()) {
            onInDialogRequest(tx);
            return;
        }
        if (registry.find(request.callId()).isPresent()) {
            // Our own fork came back to us (a phone registered the PBX as its contact).
            reject(tx, 482, "Loop Detected");
            return;
        }
        Optional<TrunkCalls.TrunkCall> fromTrunk = trunkCalls.recognise(request, tx.flow().remote());
        if (fromTrunk.isEmpty()) {
            authentication.caller(tx).ifPresent(login -> proceed(tx, login, Optional.empty(), Optional.empty()));
            return;
        }
        TrunkCalls.TrunkCall trunkCall = fromTrunk.get();
        if (trunkCall.destination().isEmpty()) {
            reject(tx, 404, "No Route For " + trunkCall.did());
            return;
        }
        // A carrier's call is not an extension's: the trunk's addresses vouch for it, no challenge; its
        // caller's identity is screened first (a fetch of the signer's certificate, off this thread).
        trunkCalls.screen(request, tx.executor(), screening -> {
            if (tx.isAnswered()) {
                return; // cancelled while its identity was checked
            }
            switch (screening) {
                case TrunkCalls.Screening.Refuse refuse -> reject(tx, refuse.status(), refuse.reason());
                case TrunkCalls.Screening.Admit admit -> proceed(tx,
                        new SipLogin("trunk:" + trunkCall.trunk(), trunkCall.caller(), Optional.empty(), true),
                        fromTrunk, admit.assertedIdentity());
            }
        });
    }

    /**
     * Starts the call of an authenticated caller ({@code login}), or of a trunk's caller ({@code fromTrunk}) whose
     * phones are shown {@code assertedIdentity}: session timers, the offer, the plan.
     */
    private void proceed(ServerTransaction tx, SipLogin login, Optional<TrunkCalls.TrunkCall> fromTrunk,
            Optional<String> assertedIdentity) {
        SipRequest request = tx.request();
        String caller = login.extension();
        switch (services.sessionTimers().asUas(request)) {
            case SessionTimerNegotiation.Answer.TooSmall tooSmall -> {
                tx.respond(SessionTimerNegotiation.tooSmall(request, tooSmall).withToTag(RandomTokens.tag()));
                return;
            }
            case SessionTimerNegotiation.Answer.Malformed malformed -> {
                reject(tx, 400, malformed.reason());
                return;
            }
            case SessionTimerNegotiation.Answer.Granted granted -> { }
            case SessionTimerNegotiation.Answer.NotUsed none -> { }
        }
        Optional<SessionDescription> offer;
        try {
            offer = request.body().length == 0 ? Optional.empty() : Optional.of(SdpParser.parse(request.bodyAsString()));
        } catch (SdpParseException e) {
            reject(tx, 400, "Bad SDP: " + e.getMessage());
            return;
        }
        // No offer (delayed offer, RFC 3261 §13.2.1): the PBX offers its own single audio stream.
        OptionalInt audio = offer.map(CallMedia::audioIndex).orElse(OptionalInt.of(0));
        if (audio.isEmpty()) {
            reject(tx, 488, "No RTP/AVP Audio Stream");
            return;
        }
        // The caller's own SRTP policy (docs/srtp.md): refused here, before anything rings.
        Optional<String> encryption = offer.flatMap(o -> SdesLeg.refusal(o, audio.getAsInt(),
                router.mediaEncryption(caller)));
        if (encryption.isPresent()) {
            tx.respond(request.createResponse(488).withToTag(RandomTokens.tag())
                    .withHeader("Warning", "399 switchboard \"" + encryption.get() + "\""));
            return;
        }
        String dialled = request.requestUri() instanceof SipUri uri ? uri.user().orElse("") : "";
        CallPlan plan = fromTrunk.isPresent()
                ? router.plan(caller, fromTrunk.get().destination().orElseThrow(), fromTrunk.get().did())
                : router.plan(caller, dialled);
        switch (plan.action()) {
            case CallPlan.Apply apply -> answering.start(tx, login, offer, Optional.empty(), RandomTokens.tag(),
                    apply.destination());
            case CallPlan.Ring ring -> {
                Call call = start(tx, offer.orElse(null), audio.getAsInt(), login, ring.extension());
                if (call != null) {
                    call.ring(plan, assertedIdentity.map(a -> Header.of(HeaderName.P_ASSERTED_IDENTITY, a)).stream().toList());
                }
            }
            case CallPlan.Reject reject -> {
                Call call = start(tx, offer.orElse(null), audio.getAsInt(), login, dialled);
                if (call != null) {
                    call.refuse(reject);
                }
            }
        }
    }

    /** Calls from trunks are recognised by {@code calls} from now on (the inbound routes, once SIP runs). */
    public void acceptTrunkCalls(TrunkCalls calls) {
        trunkCalls = calls;
    }

    /** How this node plans calls; the dial plan's test endpoint explains plans with it. */
    public CallRouter router() {
        return router;
    }

    /**
     * Rings {@code request.target()} from the PBX itself (docs/call-engine.md, "Legs the PBX originates"): an
     * extension's registered phones at once, or a SIP URI, offered a PBX media endpoint. Returns the new call's id at
     * once; {@code listener} hears the ring's progress on the call's executor, and once the party answers drives the
     * leg like a caller the PBX answered. No registered phone: {@code failed 480}. Any thread.
     */
    public String originate(OriginateLeg request, OriginatedLegListener listener) {
        return switch (request.target()) {
            case OriginateLeg.Target.Extension extension -> answering.originate(request,
                    location.lookup(extension.number()).stream().map(OriginateTarget::of).toList(),
                    new SipLogin(extension.number(), extension.number(), Optional.empty(), true), listener);
            case OriginateLeg.Target.Uri uri -> {
                String party = uri.uri().user().orElse(uri.uri().host());
                yield answering.originate(request, List.of(OriginateTarget.of(uri.uri())),
                        new SipLogin(party, party, Optional.empty(), true), listener);
            }
        };
    }

    /** How long phones ring before a call gives up on them ({@code calls.no_answer_timeout}). */
    public Duration noAnswerTimeout() {
        return services.settings().noAnswerTimeout();
    }

    /** The calls ringing phones now: what call pickup chooses from (docs/pickup.md). */
    public RingingCalls ringing() {
        return services.ringing();
    }

    /** Whether {@code extension} has a registered phone now (memory only). */
    public boolean isRegistered(String extension) {
        return !location.lookup(extension).isEmpty();
    }

    /** The applications by destination kind; a feature module registers its own here before traffic. */
    public Applications applications() {
        return answering.applications();
    }

    private Call start(ServerTransaction tx, SessionDescription offer, int audio, SipLogin caller, String callee) {
        Call call = new Call(answering, tx, offer, audio, caller, callee, services.clock().instant());
        if (!registry.addCall(call)) {
            reject(tx, 482, "Loop Detected");
            return null;
        }
        return call;
    }

    /** BYE, UPDATE, INFO and re-INVITE: to the call owning the Call-ID, else 481 (RFC 3261 §12.2.2). */
    public void onInDialogRequest(ServerTransaction tx) {
        Optional<CallSession> call = registry.find(tx.request().callId());
        if (call.isEmpty()) {
            reject(tx, 481, "Call/Transaction Does Not Exist");
            return;
        }
        call.get().onInDialogRequest(tx);
    }

    /** The caller cancelled its INVITE; the stack already answered 200 and 487. */
    public void onCancelled(ServerTransaction invite) {
        registry.find(invite.request().callId()).ifPresent(CallSession::onCancelled);
    }

    /** An ACK for a 2xx we sent: to the call owning the Call-ID (it may carry an SDP answer). */
    public void onAck(SipRequest ack) {
        registry.find(ack.callId()).ifPresent(call -> call.onAck(ack));
    }

    /** No ACK came for the 2xx of an INVITE we answered. */
    public void onAckTimeout(ServerTransaction invite) {
        registry.find(invite.request().callId())
                .filter(call -> call.id().equals(invite.request().callId()) && invite.request().isInitial())
                .ifPresent(CallSession::onAckTimeout);
    }

    @Override
    public CompletableFuture<List<CallSnapshot>> list() {
        List<CompletableFuture<CallSnapshot>> snapshots = registry.all().stream().map(CallControl::snapshotOf).toList();
        return CompletableFuture.allOf(snapshots.toArray(CompletableFuture[]::new)).thenApply(done -> snapshots.stream()
                .map(CompletableFuture::join)
                .sorted(Comparator.comparing(CallSnapshot::startedAt))
                .toList());
    }

    @Override
    public CompletableFuture<Optional<CallSnapshot>> find(String id) {
        return registry.call(id).map(call -> snapshotOf(call).thenApply(Optional::of))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    }

    @Override
    public CompletableFuture<Boolean> hangUp(String id, String actor) {
        return registry.call(id).map(call -> onExecutor(call, () -> call.endCall("hung up by " + actor)))
                .orElseGet(() -> CompletableFuture.completedFuture(false));
    }

    /** Who records bridged calls from now on (call recording, wired after call control). */
    public void recordWith(CallRecorders recorders) {
        services.recorders().use(recorders);
    }

    /** Who names callers to the phones rung from now on (the phone book, wired after call control). */
    public void nameCallersWith(CallerNames names) {
        services.callerNames().use(names);
    }

    /** Starts or stops recording call {@code id}, on its executor. */
    @Override
    public CompletableFuture<Optional<Boolean>> record(String id, boolean on) {
        return registry.call(id).map(call -> onExecutor(call, () -> Optional.of(call.record(on))))
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    }

    /**
     * Ends every call in progress (BYE or 487 and CANCEL) and records it, then waits for the BYEs
     * and CANCELs to be answered, all within {@code wait}: the shutdown step before the SIP stack
     * and the CDR writer close. Blocking; call from
     * the thread that stops the node.
     */
    public void endAll(String cause, Duration wait) {
        List<CompletableFuture<Boolean>> ended = registry.all().stream()
                .map(call -> onExecutor(call, () -> call.endCall(cause))).toList();
        if (ended.isEmpty()) {
            return;
        }
        log.info("ending calls in progress count={} cause={}", ended.size(), cause);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new)).get(wait.toNanos(), TimeUnit.NANOSECONDS);
            // The BYEs and CANCELs must leave (and are best answered) before the stack closes.
            if (!services.farewells().awaitNone(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                log.warn("some BYE or CANCEL still unanswered after {} ms", wait.toMillis());
            }
        } catch (TimeoutException e) {
            log.warn("calls still ending after {} ms", wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("ending a call failed reason={}", e.getCause().toString());
        }
    }

    private static CompletableFuture<CallSnapshot> snapshotOf(CallSession call) {
        CompletableFuture<CallSnapshot> result = new CompletableFuture<>();
        call.executor().execute(() -> call.snapshot().whenComplete((s, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(s);
            }
        }));
        return result;
    }

    private static <T> CompletableFuture<T> onExecutor(CallSession call, Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        call.executor().execute(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                throw e;
            }
        });
        return result;
    }

    static void reject(ServerTransaction tx, int status, String reason) {
        tx.respond(tx.request().createResponse(status, reason).withToTag(
                tx.request().to().tag().orElseGet(RandomTokens::tag)));
    }
}
