package org.switchboard.sip.transaction;

/**
 * The RFC 3261 §17.2.2 non-INVITE server transaction: absorbs request retransmissions, answering
 * them with the last response once there is one, until Timer J. Owned by one serial executor:
 * every method and timer runs there.
 */
public final class ServerNonInviteTransaction {
    /** RFC 3261 Figure 8 states. */
    public enum State { TRYING, PROCEEDING, COMPLETED, TERMINATED }

    private final TransactionTimers timers;
    private final boolean reliable;
    private final Runnable onTerminated;
    private final Runnable timerJ;
    private State state = State.TRYING;
    private Runnable lastResponse = () -> {};

    public ServerNonInviteTransaction(TransactionTimers timers, boolean reliable, Runnable onTerminated) {
        this(timers, reliable, onTerminated, null);
    }

    /**
     * @param timerJ when not null, called instead of starting Timer J on completion over an
     *     unreliable transport: the caller ends the transaction by dropping it (see {@link
     *     CompletedTransactions}), and this machine then stays {@link State#COMPLETED}
     */
    ServerNonInviteTransaction(TransactionTimers timers, boolean reliable, Runnable onTerminated, Runnable timerJ) {
        this.timers = timers;
        this.reliable = reliable;
        this.onTerminated = onTerminated;
        this.timerJ = timerJ;
    }

    public State state() {
        return state;
    }

    /**
     * The TU responds; {@code send} puts the response on the wire and is kept to answer request
     * retransmissions. Ignored once a final response was sent.
     *
     * @return whether the response was sent
     */
    public boolean respond(int status, Runnable send) {
        if (state == State.COMPLETED || state == State.TERMINATED) {
            return false;
        }
        lastResponse = send;
        send.run();
        if (status < 200) {
            state = State.PROCEEDING;
        } else {
            state = State.COMPLETED;
            // Timer J: 64*T1 to absorb retransmitted requests, zero when reliable (§17.2.2).
            if (reliable) {
                terminate();
            } else if (timerJ != null) {
                timerJ.run();
            } else {
                timers.after(timers.settings().transactionTimeout(), this::terminate);
            }
        }
        return true;
    }

    /** A retransmission of the request arrived. */
    public void receiveRetransmission() {
        switch (state) {
            case TRYING, TERMINATED -> { } // nothing to resend yet (§17.2.2), or gone
            case PROCEEDING, COMPLETED -> {
                lastResponse.run();
                timers.onRetransmission().run();
            }
        }
    }

    private void terminate() {
        if (state != State.TERMINATED) {
            state = State.TERMINATED;
            onTerminated.run();
        }
    }
}
