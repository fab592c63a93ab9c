package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.RelaySession;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.SdpParseException;
import org.switchboard.media.sdp.SdpParser;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Disposition;

/**
 * One call through the back-to-back user agent: the caller's leg (the INVITE we answer), the
 * forks to the callee's phones (first 2xx wins, the others are cancelled), the anchored media, and
 * the CDR when it ends. The phases are an explicit machine ({@link Phase}); every method runs on
 * the call's executor (the caller's Call-ID's, which the forks' Call-IDs are joined to), which owns
 * all fields.
 */
final class Call {
    private static final Logger log = LoggerFactory.getLogger(Call.class);

    /** Where the call is; only ever moves forward. */
    enum Phase { SETTING_UP, CALLING, RINGING, ANSWERED, ENDED }

    private final CallServices services;
    private final CallRegistry registry;
    private final ServerTransaction invite;
    private final SessionDescription offer;
    private final int mediaIndex;
    private final String caller;
    private final String callee;
    private final Executor executor;
    private final Instant startedAt;
    private final String localTag = RandomTokens.tag();
    private final List<CalleeLeg> forks = new ArrayList<>();
    private final InDialogRelay inDialog;
    private Phase phase = Phase.SETTING_UP;
    private CallMedia media;
    private CalleeLeg winner;
    private Dialog callerDialog;
    private Instant answeredAt;
    private ScheduledFuture<?> noAnswer;
    private SipResponse bestFailure;

    Call(CallServices services, CallRegistry registry, ServerTransaction invite, SessionDescription offer,
            int mediaIndex, String caller, String callee) {
        this.services = services;
        this.registry = registry;
        this.invite = invite;
        this.offer = offer;
        this.mediaIndex = mediaIndex;
        this.caller = caller;
        this.callee = callee;
        this.executor = invite.executor();
        this.startedAt = services.clock().instant();
        this.inDialog = new InDialogRelay(services.stack(), this::contactFor);
    }

    String id() {
        return invite.request().callId();
    }

    Executor executor() {
        return executor;
    }

    // ---- setting up ------------------------------------------------------------------------

    /** Rings {@code bindings} (the callee's phones); none registered ends the call with 480. */
    void ring(List<Binding> bindings) {
        services.events().publish(new PbxEvent.CallStarted(startedAt, id(), caller, callee));
        if (bindings.isEmpty()) {
            refuse(invite.request().createResponse(480), Disposition.NO_ANSWER, "no registered phone");
            return;
        }
        services.relay().open(id(), (session, leg) -> executor.execute(() -> onMediaTimeout(leg)))
                .whenComplete((session, failure) -> executor.execute(() -> onRelayOpened(session, failure, bindings)));
    }

    /** Refuses the call before anything rang (routing decided so): the caller gets {@code response}. */
    void refuse(SipResponse response, Disposition disposition, String cause) {
        invite.respond(response.withToTag(localTag));
        end(disposition, cause);
    }

    private void onRelayOpened(RelaySession session, Throwable failure, List<Binding> bindings) {
        if (phase == Phase.ENDED) {
            if (session != null) {
                session.close(); // the caller hung up while the ports were being bound
            }
            return;
        }
        if (failure != null) {
            log.warn("media relay unavailable call_id={} reason={}", id(), failure.toString());
            refuse(invite.request().createResponse(503, "Media Unavailable"), Disposition.FAILED, "no media ports");
            return;
        }
        media = new CallMedia(session, services.settings().mediaAddress(), mediaIndex);
        byte[] calleeOffer = media.relay(Leg.A, offer);
        phase = Phase.CALLING;
        for (Binding binding : bindings) {
            fork(binding, calleeOffer);
        }
        noAnswer = services.scheduler().schedule(() -> executor.execute(this::onNoAnswer),
                services.settings().noAnswerTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void fork(Binding binding, byte[] sdp) {
        String callId = RandomTokens.tag() + RandomTokens.tag() + "@" + services.settings().sipHost();
        String domain = services.settings().domain();
        SipRequest request = SipRequest.builder(SipMethod.INVITE, binding.contact())
                .from(NameAddress.of(SipUri.of(caller, domain)).withTag(RandomTokens.tag()))
                .to(NameAddress.of(SipUri.of(callee, domain)))
                .callId(callId)
                .cseq(1)
                .maxForwards(70)
                .contact(contactFor(binding.flow().transport()))
                .body(CallMedia.SDP, sdp)
                .build();
        CalleeLeg leg = new CalleeLeg(binding, request, this::onCalleeResponse);
        forks.add(leg);
        // The fork's responses and requests must run where this call's state lives.
        services.stack().joinExecutor(callId, id());
        registry.add(callId, this);
        NextHop hop = leg.hop();
        leg.sent(services.stack().send(request, hop.transport(), hop.address(), leg));
    }

    private void onCalleeResponse(CalleeLeg leg, SipResponse response) {
        if (response.isProvisional()) {
            onCalleeProvisional(leg, response);
        } else if (response.isSuccess()) {
            onCalleeAnswered(leg, response);
        } else {
            onCalleeFailed(leg, response);
        }
    }

    private void onCalleeProvisional(CalleeLeg leg, SipResponse response) {
        if (leg.isCancelWanted() && leg.state() == CalleeLeg.State.CALLING) {
            cancel(leg);
            return;
        }
        if (leg.state() == CalleeLeg.State.CALLING) {
            leg.state(CalleeLeg.State.RINGING);
        }
        if (response.status() == 100 || (phase != Phase.CALLING && phase != Phase.RINGING)) {
            return;
        }
        phase = Phase.RINGING;
        SipResponse ringing = invite.request().createResponse(response.status(), response.reason())
                .withToTag(localTag);
        Optional<SessionDescription> early = sdpOf(response.body(), response.headers().first(HeaderName.CONTENT_TYPE));
        if (early.isPresent()) {
            // RFC 3960 early media (183): ringback or announcements from the callee's side.
            ringing = ringing.withHeader(HeaderName.CONTACT, contactFor(invite.flow().transport()).toString())
                    .withBody(CallMedia.SDP, media.relay(Leg.B, early.get()));
        }
        invite.respond(ringing);
    }

    private void onCalleeAnswered(CalleeLeg leg, SipResponse ok) {
        Dialog dialog = leg.dialogFor(ok);
        NextHop hop = leg.hop();
        if (leg.ack() != null) {
            services.stack().resend(leg.ack(), hop.transport(), hop.address()); // a retransmitted 2xx
            return;
        }
        leg.acked(services.stack().sendStateless(dialog.ack(ok.cseq().number()), hop.transport(), hop.address()));
        boolean canWin = winner == null && (phase == Phase.CALLING || phase == Phase.RINGING)
                && leg.state() != CalleeLeg.State.CANCELLING;
        if (!canWin) {
            // A fork answered after another one won, or after the call ended: hang it up.
            leg.state(CalleeLeg.State.ENDED);
            bye(dialog, hop);
            return;
        }
        Optional<SessionDescription> answer = sdpOf(ok.body(), ok.headers().first(HeaderName.CONTENT_TYPE));
        AnswerResult result = answer.isEmpty()
                ? new AnswerResult.NotAcceptable("callee answered without SDP")
                : media.answerCaller(offer, answer.get());
        switch (result) {
            case AnswerResult.NotAcceptable refused -> {
                leg.state(CalleeLeg.State.ENDED);
                bye(dialog, hop);
                cancelForks();
                refuse(invite.request().createResponse(488).withHeader("Warning", "399 switchboard \""
                        + refused.reason().replace('"', '\'') + "\""), Disposition.FAILED, "488 " + refused.reason());
            }
            case AnswerResult.Answered answered -> answer(leg, dialog, answered);
        }
    }

    private void answer(CalleeLeg leg, Dialog calleeDialog, AnswerResult.Answered answered) {
        winner = leg;
        leg.state(CalleeLeg.State.ANSWERED);
        cancelForks();
        stopRinging();
        SipResponse ok = invite.request().createResponse(200).withToTag(localTag)
                .withHeader(HeaderName.CONTACT, contactFor(invite.flow().transport()).toString())
                .withBody(CallMedia.SDP, answered.answer().toSdp().getBytes(StandardCharsets.UTF_8));
        invite.respond(ok);
        callerDialog = Dialog.asUas(invite.request(), ok);
        inDialog.connect(callerDialog, new NextHop(invite.flow().transport(), invite.flow().remote()),
                calleeDialog, leg.hop(), media);
        phase = Phase.ANSWERED;
        answeredAt = services.clock().instant();
        services.events().publish(new PbxEvent.CallAnswered(answeredAt, id()));
        log.info("call answered call_id={} caller={} callee={} codec={}", id(), caller, callee, media.codec().orElse("-"));
    }

    private void onCalleeFailed(CalleeLeg leg, SipResponse response) {
        boolean wasPending = leg.state() != CalleeLeg.State.ENDED && leg.state() != CalleeLeg.State.ANSWERED;
        leg.state(CalleeLeg.State.ENDED);
        if (!wasPending || (phase != Phase.CALLING && phase != Phase.RINGING)) {
            return;
        }
        if (bestFailure == null || Outcomes.isBetter(response.status(), bestFailure.status())) {
            bestFailure = response;
        }
        if (forks.stream().noneMatch(CalleeLeg::isPending)) {
            int status = bestFailure.status();
            // Authentication and redirection are between the callee's phone and us, not the caller's business.
            SipResponse toCaller = status < 400 || status == 401 || status == 407
                    ? invite.request().createResponse(480)
                    : invite.request().createResponse(status, bestFailure.reason());
            stopRinging();
            refuse(toCaller, Outcomes.of(toCaller.status()), status + " " + bestFailure.reason());
        }
    }

    // ---- ending before an answer ----------------------------------------------------------

    /** The caller sent CANCEL; the stack already answered 487. */
    void onCancelled() {
        if (phase == Phase.ANSWERED || phase == Phase.ENDED) {
            return;
        }
        cancelForks();
        end(Disposition.CANCELLED, "CANCEL from caller");
    }

    private void onNoAnswer() {
        if (phase != Phase.CALLING && phase != Phase.RINGING) {
            return;
        }
        cancelForks();
        refuse(invite.request().createResponse(480, "No Answer"), Disposition.NO_ANSWER, "no answer");
    }

    private void cancelForks() {
        for (CalleeLeg leg : forks) {
            if (leg == winner || !leg.isPending()) {
                continue;
            }
            if (leg.state() == CalleeLeg.State.RINGING) {
                cancel(leg);
            } else {
                leg.wantCancel(); // sent when its first provisional arrives (RFC 3261 §9.1)
            }
        }
    }

    private void cancel(CalleeLeg leg) {
        leg.state(CalleeLeg.State.CANCELLING);
        services.stack().cancel(leg.transaction(), IGNORED);
    }

    // ---- answered ------------------------------------------------------------------------

    /** An in-dialog request on one of this call's Call-IDs. */
    void onInDialogRequest(ServerTransaction tx) {
        Leg from = tx.request().callId().equals(id()) ? Leg.A : Leg.B;
        boolean known = phase == Phase.ANSWERED
                && (from == Leg.A || winner.callId().equals(tx.request().callId()));
        if (!known) {
            tx.respond(tx.request().createResponse(481).withToTag(RandomTokens.tag()));
            return;
        }
        if (!tx.method().equals(SipMethod.BYE)) {
            inDialog.relay(from, tx);
            return;
        }
        tx.respond(tx.request().createResponse(200));
        hangUpOther(from);
        end(Disposition.ANSWERED, from == Leg.A ? "BYE from caller" : "BYE from callee");
    }

    /** The caller never ACKed our 2xx (Timer H or L): the dialog is dead on its side. */
    void onAckTimeout() {
        if (phase == Phase.ANSWERED) {
            hangUpOther(Leg.A);
            bye(callerDialog, callerHop());
            end(Disposition.ANSWERED, "no ACK from caller");
        }
    }

    private void onMediaTimeout(Leg leg) {
        if (phase == Phase.ANSWERED && !media.isHeld()) {
            log.info("media timeout call_id={} leg={}", id(), leg);
            hangUp("media timeout");
        }
    }

    /**
     * Ends the call from the PBX's side: BYE to answered legs, 487 and CANCEL to ringing ones.
     *
     * @return false when the call had already ended
     */
    boolean hangUp(String cause) {
        switch (phase) {
            case ENDED -> {
                return false;
            }
            case ANSWERED -> {
                bye(callerDialog, callerHop());
                hangUpOther(Leg.A);
                end(Disposition.ANSWERED, cause);
            }
            default -> {
                cancelForks();
                refuse(invite.request().createResponse(487), Disposition.CANCELLED, cause);
            }
        }
        return true;
    }

    private void hangUpOther(Leg from) {
        if (from == Leg.A) {
            bye(winner.dialog(), winner.hop());
        } else {
            bye(callerDialog, callerHop());
        }
    }

    private void bye(Dialog dialog, NextHop hop) {
        services.stack().send(dialog.newRequest(SipMethod.BYE).build(), hop.transport(), hop.address(), IGNORED);
    }

    private NextHop callerHop() {
        return new NextHop(invite.flow().transport(), invite.flow().remote());
    }

    private void stopRinging() {
        if (noAnswer != null) {
            noAnswer.cancel(false);
        }
    }

    private void end(Disposition disposition, String cause) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        stopRinging();
        if (media != null) {
            media.close();
        }
        // Unregister first: a fork's request that reaches its own executor after it left finds no call (481).
        registry.remove(this, forks.stream().map(CalleeLeg::callId).toList());
        for (CalleeLeg leg : forks) {
            services.stack().leaveExecutor(leg.callId());
        }
        Instant endedAt = services.clock().instant();
        boolean answered = disposition == Disposition.ANSWERED;
        String calleeAddress = Optional.ofNullable(winner).or(() -> forks.stream().findFirst())
                .map(leg -> hostPort(leg.binding().flow().remote())).orElse(null);
        services.cdr().record(new CallRecord(id(), caller, callee, startedAt, answered ? answeredAt : null, endedAt,
                disposition, cause, media == null || !answered ? null : media.codec().orElse(null),
                hostPort(invite.flow().remote()), calleeAddress));
        services.events().publish(new PbxEvent.CallEnded(endedAt, id(), disposition.label(), cause));
        log.info("call ended call_id={} disposition={} cause={}", id(), disposition.label(), cause);
    }

    // ---- what the API sees ------------------------------------------------------------------

    /** A snapshot of the call; its media counters come from the relay's loop. */
    CompletableFuture<CallSnapshot> snapshot() {
        CallSnapshotBuilder parts = new CallSnapshotBuilder(id(), caller, callee, state(), startedAt,
                Optional.ofNullable(answeredAt), media == null ? Optional.empty() : media.codec());
        parts.addLeg(true, id(), caller, hostPort(invite.flow().remote()), media == null ? 0 : media.localRtpPort(Leg.A),
                media == null ? Optional.empty() : media.signalledRtp(Leg.A));
        for (CalleeLeg leg : forks) {
            if (leg.isPending() || leg == winner) {
                parts.addLeg(false, leg.callId(), callee, hostPort(leg.binding().flow().remote()),
                        media == null ? 0 : media.localRtpPort(Leg.B),
                        media == null ? Optional.empty() : media.signalledRtp(Leg.B));
            }
        }
        if (media == null) {
            return CompletableFuture.completedFuture(parts.build(null));
        }
        return media.stats().thenApply(parts::build);
    }

    private CallState state() {
        return switch (phase) {
            case SETTING_UP, CALLING -> CallState.SETTING_UP;
            case RINGING -> CallState.RINGING;
            case ANSWERED -> media.isHeld() ? CallState.ON_HOLD : CallState.ANSWERED;
            case ENDED -> CallState.ENDING;
        };
    }

    // ---- helpers ---------------------------------------------------------------------------

    private NameAddress contactFor(Transport transport) {
        int port = services.stack().localAddress(transport).getPort();
        String host = services.settings().sipHost();
        String uri = "sip:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                + (transport == Transport.UDP ? "" : ";transport=" + transport.viaName().toLowerCase(Locale.ROOT));
        return NameAddress.of(SipUri.parse(uri));
    }

    static Optional<SessionDescription> sdpOf(byte[] body, Optional<String> contentType) {
        if (body.length == 0 || contentType.map(t -> !t.toLowerCase(Locale.ROOT).startsWith(CallMedia.SDP)).orElse(false)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SdpParser.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (SdpParseException e) {
            return Optional.empty();
        }
    }

    static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** For requests whose outcome changes nothing (BYE, CANCEL): the far end is gone either way. */
    static final ClientTransactionListener<SipResponse> IGNORED = new ClientTransactionListener<>() {
        @Override
        public void onProvisional(SipResponse response) {}

        @Override
        public void onFinal(SipResponse response) {}

        @Override
        public void onTimeout() {}

        @Override
        public void onTransportError(Throwable cause) {}
    };
}
