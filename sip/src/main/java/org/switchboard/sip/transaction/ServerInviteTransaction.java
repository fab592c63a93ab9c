package org.switchboard.sip.transaction;

import java.time.Duration;

/**
 * The RFC 3261 §17.2.1 INVITE server transaction with the RFC 6026 Accepted state. Answers INVITE
 * retransmissions with the last provisional; for a 300-699 final retransmits it on Timer G until
 * the ACK (absorbed here) or Timer H; for a 2xx retransmits it with the same back-off until the
 * dialog reports the 2xx ACK or Timer L ends the transaction (the retransmission RFC 3261
 * §13.3.1.4 gives the UAS core, kept here because this class already owns the timers). Owned by
 * one serial executor: every method and timer runs there.
 */
public final class ServerInviteTransaction {
    /** RFC 3261 Figure 7 states plus RFC 6026 Accepted. */
    public enum State { PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    private final TransactionTimers timers;
    private final boolean reliable;
    private final Runnable onNoAck;
    private final Runnable onTerminated;
    private State state = State.PROCEEDING;
    private Runnable lastResponse = () -> {};
    private Duration intervalG;
    private boolean acknowledged;
    private ProtocolTimer.Cancellable timerG = TransactionTimers.NONE;
    /** Timer H after a non-2xx, Timer L after a 2xx. */
    private ProtocolTimer.Cancellable giveUpTimer = TransactionTimers.NONE;

    /**
     * @param onNoAck runs when Timer H (non-2xx) or Timer L (2xx) ends the wait for an ACK that
     *     never came, so the TU can end the dialog (RFC 3261 §13.3.1.4: BYE after no 2xx ACK)
     */
    public ServerInviteTransaction(TransactionTimers timers, boolean reliable, Runnable onNoAck, Runnable onTerminated) {
        this.timers = timers;
        this.reliable = reliable;
        this.onNoAck = onNoAck;
        this.onTerminated = onTerminated;
        this.intervalG = timers.settings().t1();
    }

    public State state() {
        return state;
    }

    /**
     * The TU (or the layer, for 100 Trying) responds; {@code send} puts the response on the wire
     * and is kept for retransmissions. Ignored once a final response was sent.
     *
     * @return whether the response was sent
     */
    public boolean respond(int status, Runnable send) {
        if (state != State.PROCEEDING) {
            return false;
        }
        lastResponse = send;
        send.run();
        if (status >= 300) {
            state = State.COMPLETED;
            startRetransmitting(timers.settings().transactionTimeout());
        } else if (status >= 200) {
            state = State.ACCEPTED;
            // Over TCP too: a 2xx is retransmitted end to end until the ACK (§13.3.1.4).
            timerG = timers.after(intervalG, this::onTimerG);
            giveUpTimer = timers.after(timers.settings().transactionTimeout(), this::onTimerL);
        }
        return true;
    }

    /** A retransmission of the INVITE arrived. */
    public void receiveRetransmission() {
        switch (state) {
            case PROCEEDING, COMPLETED -> {
                lastResponse.run();
                timers.onRetransmission().run();
            }
            case CONFIRMED, ACCEPTED, TERMINATED -> { } // RFC 6026 §7.1: absorbed in Accepted
        }
    }

    /** The ACK for a non-2xx final arrived (same branch, §17.2.1). */
    public void receiveAck() {
        if (state != State.COMPLETED) {
            return;
        }
        state = State.CONFIRMED;
        timerG.cancel();
        giveUpTimer.cancel();
        // Timer I: T4 to absorb ACK retransmissions, zero when reliable.
        if (reliable) {
            terminate();
        } else {
            timers.after(timers.settings().t4(), this::terminate);
        }
    }

    /** The dialog received the ACK for our 2xx: stop retransmitting it. */
    public void acknowledge2xx() {
        if (state == State.ACCEPTED) {
            acknowledged = true;
            timerG.cancel();
        }
    }

    private void startRetransmitting(Duration giveUpAfter) {
        if (!reliable) {
            timerG = timers.after(intervalG, this::onTimerG);
        }
        giveUpTimer = timers.after(giveUpAfter, this::onTimerH);
    }

    private void onTimerG() {
        if (state != State.COMPLETED && !(state == State.ACCEPTED && !acknowledged)) {
            return;
        }
        lastResponse.run();
        timers.onRetransmission().run();
        intervalG = timers.settings().backoff(intervalG);
        timerG = timers.after(intervalG, this::onTimerG);
    }

    private void onTimerH() {
        if (state == State.COMPLETED) {
            terminate();
            onNoAck.run();
        }
    }

    private void onTimerL() {
        if (state == State.ACCEPTED) {
            boolean noAck = !acknowledged;
            terminate();
            if (noAck) {
                onNoAck.run();
            }
        }
    }

    private void terminate() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        timerG.cancel();
        giveUpTimer.cancel();
        onTerminated.run();
    }
}
