package org.switchboard.sip.transaction;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The RFC 3261 §17.1.1 INVITE client transaction with the RFC 6026 Accepted state: retransmits
 * the INVITE on Timer A over unreliable transports, gives up on Timer B, sends the ACK for a
 * non-2xx final response itself (§17.1.1.3) and re-sends it for each retransmission of that
 * response until Timer D; passes every 2xx to the TU, whose dialog sends the 2xx ACK. Owned by one
 * serial executor: every method and timer runs there.
 *
 * @param <R> the response type
 */
public final class ClientInviteTransaction<R> {
    /** RFC 3261 Figure 5 states plus RFC 6026 Accepted. */
    public enum State { CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED }

    private final TransactionTimers timers;
    private final boolean reliable;
    private final Runnable sendRequest;
    private final Consumer<R> sendAckForNon2xx;
    private final ClientTransactionListener<R> tu;
    private final Runnable onTerminated;
    private State state = State.CALLING;
    private Duration intervalA;
    private ProtocolTimer.Cancellable timerA = TransactionTimers.NONE;
    private ProtocolTimer.Cancellable timerB = TransactionTimers.NONE;

    public ClientInviteTransaction(TransactionTimers timers, boolean reliable, Runnable sendRequest,
            Consumer<R> sendAckForNon2xx, ClientTransactionListener<R> tu, Runnable onTerminated) {
        this.timers = timers;
        this.reliable = reliable;
        this.sendRequest = sendRequest;
        this.sendAckForNon2xx = sendAckForNon2xx;
        this.tu = tu;
        this.onTerminated = onTerminated;
        this.intervalA = timers.settings().t1();
    }

    /** Sends the INVITE and starts Timers A and B. */
    public void start() {
        sendRequest.run();
        if (!reliable) {
            timerA = timers.after(intervalA, this::onTimerA);
        }
        timerB = timers.after(timers.settings().transactionTimeout(), this::onTimerB);
    }

    public State state() {
        return state;
    }

    /** A response matched to this transaction. */
    public void receiveResponse(int status, R response) {
        switch (state) {
            case CALLING, PROCEEDING -> {
                timerA.cancel();
                if (status < 200) {
                    state = State.PROCEEDING;
                    tu.onProvisional(response);
                } else if (status < 300) {
                    accept(response);
                } else {
                    complete(response);
                }
            }
            case COMPLETED -> {
                if (status >= 300) {
                    sendAckForNon2xx.accept(response); // §17.1.1.2: a retransmitted final gets the ACK again
                }
            }
            case ACCEPTED -> {
                if (status >= 200 && status < 300) {
                    tu.onFinal(response); // RFC 6026 §7.2: 2xx retransmissions go to the TU
                }
            }
            case TERMINATED -> { }
        }
    }

    /** The transport failed to send the INVITE. */
    public void transportFailed(Throwable cause) {
        if (state == State.CALLING || state == State.PROCEEDING) {
            terminate();
            tu.onTransportError(cause);
        }
    }

    private void accept(R response) {
        timerB.cancel();
        state = State.ACCEPTED;
        tu.onFinal(response);
        // RFC 6026 Timer M: 64*T1 to catch 2xx retransmissions from forked or slow UASs.
        timers.after(timers.settings().transactionTimeout(), this::terminate);
    }

    private void complete(R response) {
        timerB.cancel();
        state = State.COMPLETED;
        sendAckForNon2xx.accept(response);
        tu.onFinal(response);
        if (reliable) {
            terminate();
        } else {
            timers.after(timers.settings().timerD(), this::terminate);
        }
    }

    private void onTimerA() {
        if (state != State.CALLING) {
            return;
        }
        sendRequest.run();
        timers.onRetransmission().run();
        intervalA = intervalA.multipliedBy(2); // §17.1.1.2: Timer A doubles without a cap
        timerA = timers.after(intervalA, this::onTimerA);
    }

    private void onTimerB() {
        if (state == State.CALLING || state == State.PROCEEDING) {
            terminate();
            tu.onTimeout();
        }
    }

    private void terminate() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        timerA.cancel();
        timerB.cancel();
        onTerminated.run();
    }
}
