package org.switchboard.pbx.call;

import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.MediaEndpoints;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.call.quality.LegQuality;
import org.switchboard.pbx.call.timer.SessionTimerNegotiation;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.store.cdr.CallRecord;

/**
 * What every call of a node uses: the SIP stack, the relay, where calls are recorded and
 * announced, the scheduler for ring timeouts, the clock, the session-timer values every
 * leg is agreed with, the count of BYEs and CANCELs still on their way, the PBX's own media
 * endpoints, where hold music comes from, who records calls, which calls ring now (pickup) and who
 * names callers. Immutable holder of thread-safe services.
 *
 * @param scheduler the node's housekeeping scheduler; its tasks only post to a call's executor
 */
record CallServices(SipStack stack, RtpRelay relay, CdrRecorder cdr, EventBus events,
        ScheduledExecutorService scheduler, InstantSource clock, CallControlSettings settings,
        SessionTimerNegotiation sessionTimers, Farewells farewells, MediaEndpoints endpoints, HoldMusic holdMusic,
        RecorderHook recorders, RingingCalls ringing, CallerNameHook callerNames) {
    private static final Logger log = LoggerFactory.getLogger(CallServices.class);

    /**
     * A call was answered: its CDR row is opened (so a crash during the call leaves a trace, completed
     * at the end) and {@code CallAnswered} goes to the bus. Never blocks.
     */
    void recordAnswer(CallRecord open) {
        cdr.answered(open);
        events.publish(new PbxEvent.CallAnswered(open.answeredAt(), open.callId()));
    }

    /**
     * An answered call is ending: once {@code last} (its snapshot with the relay's final counters, taken
     * before the relay closed) is complete, how each leg sounded goes to the CDR store. Never blocks.
     */
    void recordQuality(CompletableFuture<CallSnapshot> last) {
        last.thenAccept(call -> cdr.quality(call.legs().stream().flatMap(leg -> LegQuality.of(leg).stream())
                .map(q -> q.toMetric(call.id(), clock.instant())).toList()));
    }

    /** Hangs up {@code dialog} with a BYE to {@code hop}, counted until answered (shutdown waits for it). */
    void bye(Dialog dialog, NextHop hop) {
        stack.send(dialog.newRequest(SipMethod.BYE).build(), hop.transport(), hop.address(), farewells.listener());
    }

    /** A call ended: its CDR goes to the write-behind recorder and {@code CallEnded} to the bus. Never blocks. */
    void recordEnd(CallRecord record) {
        cdr.record(record);
        events.publish(new PbxEvent.CallEnded(record.endedAt(), record.callId(), record.disposition().label(),
                record.hangupCause()));
        log.info("call ended call_id={} disposition={} cause={}", record.callId(), record.disposition().label(),
                record.hangupCause());
    }
}
