package org.switchboard.pbx.call.timer;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.switchboard.media.rtp.Leg;
import org.switchboard.pbx.call.CallLegs;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * The session timers of a call's two legs (RFC 4028): at most one per leg, started when a leg's
 * INVITE agreed one, told of the phone's own refreshes, stopped when the leg changes hands or the
 * call ends. Owned by the call's executor.
 */
public final class LegTimers {
    private final SipStack stack;
    private final ScheduledExecutorService scheduler;
    private final CallLegs call;
    private final Consumer<String> hangUp;
    private final SessionTimer[] timers = new SessionTimer[Leg.values().length];

    /** @param hangUp ends the call with a cause when a session is not refreshed */
    public LegTimers(SipStack stack, ScheduledExecutorService scheduler, CallLegs call, Consumer<String> hangUp) {
        this.stack = stack;
        this.scheduler = scheduler;
        this.call = call;
        this.hangUp = hangUp;
    }

    /** {@code leg}'s INVITE agreed {@code agreed}; the PBX is that INVITE's UAC when {@code pbxIsUac}. */
    public void start(Leg leg, SessionExpires agreed, boolean pbxIsUac) {
        stop(leg);
        SessionTimer timer = new SessionTimer(stack, scheduler, call, leg, hangUp);
        timer.start(agreed, pbxIsUac);
        timers[leg.ordinal()] = timer;
    }

    /** A phone's re-INVITE or UPDATE succeeded: it refreshed its leg's session, and the 2xx says so. */
    public SipResponse refreshed(Leg from, SipRequest refresh, SipResponse ok) {
        SessionTimer timer = timers[from.ordinal()];
        return timer == null ? ok : timer.refreshedByPhone(refresh, ok);
    }

    /** Stops {@code leg}'s timer, if it has one. */
    public void stop(Leg leg) {
        SessionTimer timer = timers[leg.ordinal()];
        if (timer != null) {
            timer.stop();
            timers[leg.ordinal()] = null;
        }
    }
}
