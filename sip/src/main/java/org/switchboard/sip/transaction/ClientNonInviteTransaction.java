package org.switchboard.sip.transaction;

import java.time.Duration;

/**
 * The RFC 3261 §17.1.2 non-INVITE client transaction: retransmits the request on Timer E over
 * unreliable transports, gives up on Timer F, and absorbs response retransmissions in Completed
 * until Timer K. Owned by one serial executor: every method and timer runs there.
 *
 * @param <R> the response type
 */
public final class ClientNonInviteTransaction<R> {
    /** RFC 3261 Figure 6 states. */
    public enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private final TransactionTimers timers;
    private final boolean reliable;
    private final Runnable sendRequest;
    private final ClientTransactionListener<R> tu;
    private final Runnable onTerminated;
    private State state = State.TRYING;
    private Duration intervalE;
    private ProtocolTimer.Cancellable timerE = TransactionTimers.NONE;
    private ProtocolTimer.Cancellable timerF = TransactionTimers.NONE;

    public ClientNonInviteTransaction(TransactionTimers timers, boolean reliable, Runnable sendRequest,
            ClientTransactionListener<R> tu, Runnable onTerminated) {
        this.timers = timers;
        this.reliable = reliable;
        this.sendRequest = sendRequest;
        this.tu = tu;
        this.onTerminated = onTerminated;
        this.intervalE = timers.settings().t1();
    }

    /** Sends the request and starts Timers E and F. */
    public void start() {
        sendRequest.run();
        if (!reliable) {
            timerE = timers.after(intervalE, this::onTimerE);
        }
        timerF = timers.after(timers.settings().transactionTimeout(), this::onTimerF);
    }

    public State state() {
        return state;
    }

    /** A response matched to this transaction. */
    public void receiveResponse(int status, R response) {
        switch (state) {
            case TRYING, PROCEEDING -> {
                if (status < 200) {
                    state = State.PROCEEDING;
                    tu.onProvisional(response);
                } else {
                    timerE.cancel();
                    timerF.cancel();
                    state = State.COMPLETED;
                    tu.onFinal(response);
                    // Timer K: T4 to absorb retransmitted finals, zero when reliable (§17.1.2.2).
                    if (reliable) {
                        terminate();
                    } else {
                        timers.after(timers.settings().t4(), this::terminate);
                    }
                }
            }
            case COMPLETED, TERMINATED -> { } // a retransmitted response, absorbed
        }
    }

    /** The transport failed to send the request. */
    public void transportFailed(Throwable cause) {
        if (state == State.TRYING || state == State.PROCEEDING) {
            terminate();
            tu.onTransportError(cause);
        }
    }

    private void onTimerE() {
        if (state != State.TRYING && state != State.PROCEEDING) {
            return;
        }
        sendRequest.run();
        timers.onRetransmission().run();
        // §17.1.2.2: doubling up to T2 while Trying, T2 once a provisional has arrived.
        intervalE = state == State.TRYING ? timers.settings().backoff(intervalE) : timers.settings().t2();
        timerE = timers.after(intervalE, this::onTimerE);
    }

    private void onTimerF() {
        if (state == State.TRYING || state == State.PROCEEDING) {
            terminate();
            tu.onTimeout();
        }
    }

    private void terminate() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        timerE.cancel();
        timerF.cancel();
        onTerminated.run();
    }
}
