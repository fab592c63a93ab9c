package org.switchboard.pbx.call;

import java.util.Optional;
import java.util.function.BiConsumer;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.app.UasPolicy;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * Routes the SIP methods of calls to call control: INVITE, BYE, UPDATE, INFO, REFER, ACK, and the
 * CANCEL and ACK-timeout callbacks. The stack must be started with its router before call control (which sends through
 * the stack) can exist, so call control is {@linkplain #attach attached} right after; a request
 * arriving in between is answered 503 with Retry-After. Thread-safe: the attached control is
 * published through a volatile field.
 */
public final class CallRequests {
    /**
     * What call control understands, checked by the stack before a request reaches it (RFC 3261
     * §8.2): session timers (RFC 4028) and Replaces (RFC 3891) may be required of it, 100rel (no
     * PRACK) and outbound may not; INVITE and UPDATE bodies are SDP.
     */
    public static final UasPolicy UAS_POLICY = UasPolicy.DEFAULTS
            .withOptionTags("timer", "replaces")
            .withBodyTypes(SipMethod.INVITE, "application/sdp")
            .withBodyTypes(SipMethod.UPDATE, "application/sdp");

    private volatile CallControl control;

    /** Adds the call methods to {@code router}. */
    public MethodRouter.Builder routeInto(MethodRouter.Builder router) {
        return router
                .on(SipMethod.INVITE, tx -> to(tx, CallControl::onInvite))
                .on(SipMethod.BYE, tx -> to(tx, CallControl::onInDialogRequest))
                .on(SipMethod.UPDATE, tx -> to(tx, CallControl::onInDialogRequest))
                .on(SipMethod.INFO, tx -> to(tx, CallControl::onInDialogRequest))
                .on(SipMethod.REFER, tx -> to(tx, CallControl::onInDialogRequest))
                .onAck((ack, flow) -> ready().ifPresent(c -> c.onAck(ack)))
                .onCancelled(tx -> ready().ifPresent(c -> c.onCancelled(tx)))
                .onAckTimeout(tx -> ready().ifPresent(c -> c.onAckTimeout(tx)));
    }

    /** Call control from now on handles the routed requests; once, at start-up. */
    public void attach(CallControl callControl) {
        if (control != null) {
            throw new IllegalStateException("call control already attached");
        }
        control = callControl;
    }

    private void to(ServerTransaction tx, BiConsumer<CallControl, ServerTransaction> handler) {
        Optional<CallControl> c = ready();
        if (c.isPresent()) {
            handler.accept(c.get(), tx);
        } else {
            tx.respond(tx.request().createResponse(503).withToTag(RandomTokens.tag()).withHeader("Retry-After", "1"));
        }
    }

    private Optional<CallControl> ready() {
        return Optional.ofNullable(control);
    }
}
