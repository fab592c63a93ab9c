package org.switchboard.pbx.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.NextHop;

/**
 * The forks of one call (one INVITE per registered phone of the callee): sends them, cancels the
 * ones still ringing, and keeps the best final failure of the current ring for the caller (after
 * RFC 3261 §16.7). A forwarded call rings again ({@link #newRing}); late answers of an earlier
 * ring no longer count. Owned by the call's executor.
 */
final class CalleeForks {
    private final SipStack stack;
    private final Farewells farewells;
    private final String ownerCallId;
    private final List<CalleeLeg> legs = new ArrayList<>();
    private int ringStart;
    private SipResponse bestFailure;

    CalleeForks(SipStack stack, Farewells farewells, String ownerCallId) {
        this.stack = stack;
        this.farewells = farewells;
        this.ownerCallId = ownerCallId;
    }

    /** The forks sent from now on are a new ring (the call was forwarded); the earlier ones are done. */
    void newRing() {
        ringStart = legs.size();
        bestFailure = null;
    }

    /** Sends {@code leg}'s INVITE, its Call-ID joined to the call's executor first. */
    void send(CalleeLeg leg) {
        legs.add(leg);
        stack.joinExecutor(leg.callId(), ownerCallId);
        NextHop hop = leg.hop();
        leg.sent(stack.send(leg.invite(), hop.transport(), hop.address(), leg));
    }

    /** Adds a leg sent and joined elsewhere (a transfer target that answered), so the call's end releases it too. */
    void adopt(CalleeLeg leg) {
        legs.add(leg);
    }

    /**
     * Forgets an answered leg that another call took over (attended transfer): this call's end
     * must neither release its Call-ID from the other call's executor nor hang it up.
     */
    void release(CalleeLeg leg) {
        legs.remove(leg);
    }

    /** Cancels every fork still pending; one without a provisional yet when its first one comes (§9.1). */
    void cancelPending() {
        for (CalleeLeg leg : legs) {
            if (leg.state() == CalleeLeg.State.RINGING) {
                cancel(leg);
            } else if (leg.state() == CalleeLeg.State.CALLING) {
                leg.wantCancel();
            }
        }
    }

    void cancel(CalleeLeg leg) {
        leg.state(CalleeLeg.State.CANCELLING);
        stack.cancel(leg.transaction(), farewells.listener());
    }

    /** Notes a fork's final failure; true when it was the last fork of the current ring pending. */
    boolean failed(CalleeLeg leg, SipResponse response) {
        leg.state(CalleeLeg.State.ENDED);
        List<CalleeLeg> ring = legs.subList(ringStart, legs.size());
        if (!ring.contains(leg)) {
            return false;
        }
        if (bestFailure == null || Outcomes.isBetter(response.status(), bestFailure.status())) {
            bestFailure = response;
        }
        return ring.stream().noneMatch(CalleeLeg::isPending);
    }

    Optional<SipResponse> bestFailure() {
        return Optional.ofNullable(bestFailure);
    }

    /** Every fork's Call-ID back to its own executor (the call ended). */
    void leaveExecutors() {
        legs.forEach(leg -> stack.leaveExecutor(leg.callId()));
    }

    List<String> callIds() {
        return legs.stream().map(CalleeLeg::callId).toList();
    }

    List<CalleeLeg> all() {
        return List.copyOf(legs);
    }

    Optional<CalleeLeg> first() {
        return legs.stream().findFirst();
    }
}
