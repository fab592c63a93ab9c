package org.switchboard.pbx.call.timer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.rtp.Leg;
import org.switchboard.pbx.call.CallLegs;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transport.NextHop;

/**
 * One leg's session timer in an answered call (RFC 4028): as the refresher the PBX sends an
 * UPDATE without a body at half the interval (§7.4; no offer, so the media stays as it is); as the
 * other end it waits for the phone's refreshes. A refresh that fails, or an interval that runs out
 * without one, ends the call with BYE through {@code hangUp}. Owned by the call's executor: the
 * scheduler only posts there.
 */
public final class SessionTimer {
    private static final Logger log = LoggerFactory.getLogger(SessionTimer.class);

    private final SipStack stack;
    private final ScheduledExecutorService scheduler;
    private final CallLegs call;
    private final Leg leg;
    private final Consumer<String> hangUp;
    private SessionExpires granted;
    private boolean pbxIsUac;
    private ScheduledFuture<?> due;
    private boolean stopped;

    /** @param hangUp ends the whole call with BYE, recording the cause given */
    public SessionTimer(SipStack stack, ScheduledExecutorService scheduler, CallLegs call, Leg leg, Consumer<String> hangUp) {
        this.stack = stack;
        this.scheduler = scheduler;
        this.call = call;
        this.leg = leg;
        this.hangUp = hangUp;
    }

    /**
     * Runs the timer agreed for the leg.
     *
     * @param isUac whether the PBX sent the request that agreed it (the INVITE to a callee, or a refresh)
     */
    public void start(SessionExpires agreed, boolean isUac) {
        this.granted = agreed;
        this.pbxIsUac = isUac;
        arm();
    }

    /**
     * The leg's phone refreshed the session: a re-INVITE or UPDATE it sent was answered {@code ok}.
     * The interval starts again, as the request asked (its Session-Expires and refresher, else as
     * before), and the 2xx returned names it, or the phone would take the timer as off (§9).
     */
    public SipResponse refreshedByPhone(SipRequest refresh, SipResponse ok) {
        if (stopped) {
            return ok;
        }
        Optional<SessionExpires> asked = refresh.headers().first(HeaderName.SESSION_EXPIRES).flatMap(SessionExpires::parse);
        Refresher refresher = asked.flatMap(SessionExpires::refresher)
                .orElse(RefreshSchedule.of(granted, pbxIsUac).duty() == RefreshSchedule.Duty.REFRESH ? Refresher.UAS : Refresher.UAC);
        Duration interval = asked.map(SessionExpires::interval).filter(i -> i.compareTo(SessionTimerSettings.RFC_MIN_SE) >= 0)
                .orElse(granted.interval());
        // The phone sent this refresh: from now on it is the UAC the refresher parameter speaks of.
        start(new SessionExpires(interval, Optional.of(refresher)), false);
        SipResponse answered = ok.withHeader(HeaderName.SESSION_EXPIRES, granted.toString());
        return SessionTimerNegotiation.supportsTimer(refresh) ? answered.withHeader(HeaderName.REQUIRE, "timer") : answered;
    }

    /** The call ended or the leg left it. */
    public void stop() {
        stopped = true;
        if (due != null) {
            due.cancel(false);
        }
    }

    private void arm() {
        if (due != null) {
            due.cancel(false);
        }
        RefreshSchedule schedule = RefreshSchedule.of(granted, pbxIsUac);
        due = scheduler.schedule(() -> call.executor().execute(() -> onDue(schedule.duty())),
                schedule.after().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onDue(RefreshSchedule.Duty duty) {
        if (stopped) {
            return;
        }
        switch (duty) {
            case EXPIRE -> end("session expired");
            case REFRESH -> refresh();
        }
    }

    private void refresh() {
        Dialog dialog = call.dialog(leg);
        NextHop hop = call.hop(leg);
        SipRequest update = dialog.newRequest(SipMethod.UPDATE)
                .contact(call.contact(hop.transport()))
                .header(HeaderName.SUPPORTED, "timer")
                .header(HeaderName.SESSION_EXPIRES, granted.interval().toSeconds() + ";refresher=" + Refresher.UAC.key())
                .build();
        stack.send(update, hop.transport(), hop.address(), new ClientTransactionListener<>() {
            @Override
            public void onProvisional(SipResponse response) {}

            @Override
            public void onFinal(SipResponse response) {
                if (stopped) {
                    return;
                }
                if (!response.isSuccess()) {
                    end("session refresh failed: " + response.status());
                    return;
                }
                // §7.2: the 2xx may shorten the interval or hand refreshing over; without Session-Expires the PBX keeps refreshing.
                start(SessionTimerNegotiation.granted(response).orElse(granted), true);
            }

            @Override
            public void onTimeout() {
                if (!stopped) {
                    end("session refresh timed out");
                }
            }

            @Override
            public void onTransportError(Throwable cause) {
                if (!stopped) {
                    end("session refresh not sent");
                }
            }
        });
    }

    private void end(String cause) {
        stop();
        log.info("session timer ends call call_id={} leg={} cause={}", call.id(), leg, cause);
        hangUp.accept(cause);
    }
}
