package org.switchboard.pbx.call;

import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.call.timer.SessionTimerNegotiation;
import org.switchboard.sip.app.SipStack;

/**
 * What every call of a node uses: the SIP stack, the relay, where calls are recorded and
 * announced, the scheduler for ring timeouts, the clock, the session-timer values every
 * leg is agreed with, and the count of BYEs and CANCELs still on their way. Immutable holder of thread-safe
 * services.
 *
 * @param scheduler the node's housekeeping scheduler; its tasks only post to a call's executor
 */
record CallServices(SipStack stack, RtpRelay relay, CdrRecorder cdr, EventBus events,
        ScheduledExecutorService scheduler, InstantSource clock, CallControlSettings settings,
        SessionTimerNegotiation sessionTimers, Farewells farewells) {}
