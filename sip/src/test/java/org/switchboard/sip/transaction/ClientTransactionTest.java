package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The two client machines driven with a hand-moved clock and RFC 3261 default T1/T2/T4. */
class ClientTransactionTest {
    private final ManualTimer clock = new ManualTimer();
    private final AtomicInteger retransmissions = new AtomicInteger();
    private final TransactionTimers timers =
            new TransactionTimers(TimerSettings.DEFAULTS, clock, Runnable::run, retransmissions::incrementAndGet);
    private final List<String> wire = new ArrayList<>();
    private final RecordingListener tu = new RecordingListener();
    private final AtomicInteger terminated = new AtomicInteger();

    private ClientInviteTransaction<Integer> invite(boolean reliable) {
        return new ClientInviteTransaction<>(timers, reliable, () -> wire.add("INVITE"),
                status -> wire.add("ACK " + status), tu, terminated::incrementAndGet);
    }

    private ClientNonInviteTransaction<Integer> nonInvite(boolean reliable) {
        return new ClientNonInviteTransaction<>(timers, reliable, () -> wire.add("OPTIONS"), tu,
                terminated::incrementAndGet);
    }

    @Test
    void timerARetransmitsInviteAtDoublingIntervalsUntilTimerBGivesUp() {
        ClientInviteTransaction<Integer> tx = invite(false);
        tx.start();
        clock.advance(Duration.ofMillis(500)); // A fires at T1
        clock.advance(Duration.ofMillis(1000)); // then 2*T1
        clock.advance(Duration.ofMillis(2000)); // then 4*T1
        assertThat(wire).containsExactly("INVITE", "INVITE", "INVITE", "INVITE");
        clock.advance(Duration.ofSeconds(32));
        assertThat(tu.events).containsExactly("timeout");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
        assertThat(terminated).hasValue(1);
        assertThat(clock.pending()).as("no timer left behind").isZero();
    }

    @Test
    void provisionalStopsInviteRetransmission() {
        ClientInviteTransaction<Integer> tx = invite(false);
        tx.start();
        tx.receiveResponse(180, 180);
        clock.advance(Duration.ofSeconds(10));
        assertThat(wire).containsExactly("INVITE");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.PROCEEDING);
    }

    @Test
    void non2xxFinalIsAcknowledgedByTheTransactionAndItsRetransmissionAgain() {
        ClientInviteTransaction<Integer> tx = invite(false);
        tx.start();
        tx.receiveResponse(486, 486);
        tx.receiveResponse(486, 486);
        assertThat(wire).containsExactly("INVITE", "ACK 486", "ACK 486");
        assertThat(tu.events).as("the TU sees the final response once").containsExactly("final 486");
        clock.advance(Duration.ofSeconds(32)); // Timer D
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
    }

    @Test
    void twoXxGoesToTheTuEachTimeAndIsNeverAcknowledgedByTheTransaction() {
        ClientInviteTransaction<Integer> tx = invite(false);
        tx.start();
        tx.receiveResponse(200, 200);
        tx.receiveResponse(200, 200);
        assertThat(wire).containsExactly("INVITE");
        assertThat(tu.events).containsExactly("final 200", "final 200");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.ACCEPTED);
        clock.advance(Duration.ofSeconds(32)); // Timer M
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
    }

    @Test
    void reliableTransportNeverRetransmitsAndEndsAtOnceAfterNon2xx() {
        ClientInviteTransaction<Integer> tx = invite(true);
        tx.start();
        clock.advance(Duration.ofSeconds(5));
        tx.receiveResponse(404, 404);
        assertThat(wire).containsExactly("INVITE", "ACK 404");
        assertThat(tx.state()).isEqualTo(ClientInviteTransaction.State.TERMINATED);
    }

    @Test
    void timerECapsAtT2AndUsesT2OnceProceeding() {
        ClientNonInviteTransaction<Integer> tx = nonInvite(false);
        tx.start();
        clock.advance(Duration.ofMillis(500 + 1000 + 2000 + 4000)); // E at 0.5, 1.5, 3.5, 7.5 s
        assertThat(wire).hasSize(5);
        clock.advance(Duration.ofMillis(4000)); // capped at T2
        assertThat(wire).hasSize(6);
        tx.receiveResponse(100, 100);
        clock.advance(Duration.ofMillis(4000));
        assertThat(wire).hasSize(7);
        assertThat(retransmissions).hasValue(6);
    }

    @Test
    void nonInviteFinalEndsRetransmissionAndRetransmittedFinalIsAbsorbed() {
        ClientNonInviteTransaction<Integer> tx = nonInvite(false);
        tx.start();
        tx.receiveResponse(200, 200);
        tx.receiveResponse(200, 200);
        clock.advance(Duration.ofSeconds(4));
        assertThat(wire).containsExactly("OPTIONS");
        assertThat(tu.events).containsExactly("final 200");
        clock.advance(Duration.ofSeconds(1)); // Timer K = T4
        assertThat(tx.state()).isEqualTo(ClientNonInviteTransaction.State.TERMINATED);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void timerFReportsTimeoutToTheTu() {
        ClientNonInviteTransaction<Integer> tx = nonInvite(true);
        tx.start();
        clock.advance(Duration.ofSeconds(32));
        assertThat(wire).containsExactly("OPTIONS");
        assertThat(tu.events).containsExactly("timeout");
        assertThat(terminated).hasValue(1);
    }

    @Test
    void transportErrorIsReportedOnce() {
        ClientNonInviteTransaction<Integer> tx = nonInvite(false);
        tx.start();
        tx.transportFailed(new java.io.IOException("refused"));
        tx.transportFailed(new java.io.IOException("refused"));
        assertThat(tu.events).containsExactly("transport error");
        clock.advance(Duration.ofSeconds(40));
        assertThat(wire).containsExactly("OPTIONS");
    }
}
