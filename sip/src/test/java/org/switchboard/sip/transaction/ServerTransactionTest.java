package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The two server machines driven with a hand-moved clock and RFC 3261 default T1/T2/T4. */
class ServerTransactionTest {
    private final ManualTimer clock = new ManualTimer();
    private final AtomicInteger retransmissions = new AtomicInteger();
    private final TransactionTimers timers =
            new TransactionTimers(TimerSettings.DEFAULTS, clock, Runnable::run, retransmissions::incrementAndGet);
    private final List<String> wire = new ArrayList<>();
    private final AtomicInteger noAck = new AtomicInteger();
    private final AtomicInteger terminated = new AtomicInteger();

    private Runnable send(int status) {
        return () -> wire.add(String.valueOf(status));
    }

    private ServerInviteTransaction invite(boolean reliable) {
        return new ServerInviteTransaction(timers, reliable, noAck::incrementAndGet, terminated::incrementAndGet);
    }

    @Test
    void inviteRetransmissionIsAnsweredWithTheLastProvisional() {
        ServerInviteTransaction tx = invite(false);
        tx.respond(100, send(100));
        tx.receiveRetransmission();
        tx.respond(180, send(180));
        tx.receiveRetransmission();
        assertThat(wire).containsExactly("100", "100", "180", "180");
        assertThat(retransmissions).hasValue(2);
    }

    @Test
    void non2xxFinalIsRetransmittedOnTimerGUntilTheAckArrives() {
        ServerInviteTransaction tx = invite(false);
        tx.respond(486, send(486));
        clock.advance(Duration.ofMillis(500 + 1000));
        assertThat(wire).containsExactly("486", "486", "486");
        tx.receiveAck();
        clock.advance(Duration.ofSeconds(10));
        assertThat(wire).hasSize(3);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.TERMINATED);
        assertThat(noAck).hasValue(0);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void timerHEndsTheWaitForAnAckThatNeverComes() {
        ServerInviteTransaction tx = invite(false);
        tx.respond(603, send(603));
        clock.advance(Duration.ofSeconds(32));
        assertThat(noAck).hasValue(1);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.TERMINATED);
        assertThat(wire).allMatch("603"::equals);
    }

    @Test
    void twoXxIsRetransmittedUntilTheDialogReportsItsAck() {
        ServerInviteTransaction tx = invite(false);
        tx.respond(200, send(200));
        tx.receiveRetransmission(); // absorbed in Accepted (RFC 6026)
        clock.advance(Duration.ofMillis(500));
        assertThat(wire).containsExactly("200", "200");
        tx.acknowledge2xx();
        clock.advance(Duration.ofSeconds(32));
        assertThat(wire).hasSize(2);
        assertThat(noAck).hasValue(0);
        assertThat(tx.state()).isEqualTo(ServerInviteTransaction.State.TERMINATED);
    }

    @Test
    void twoXxWithoutAckReportsNoAckAtTimerL() {
        ServerInviteTransaction tx = invite(true);
        tx.respond(200, send(200));
        clock.advance(Duration.ofSeconds(32));
        assertThat(noAck).hasValue(1);
        assertThat(wire.size()).as("2xx retransmitted over TCP too (RFC 3261 §13.3.1.4)").isGreaterThan(5);
    }

    @Test
    void nonInviteRetransmissionGetsNothingBeforeAResponseAndTheFinalAfterIt() {
        ServerNonInviteTransaction tx = new ServerNonInviteTransaction(timers, false, terminated::incrementAndGet);
        tx.receiveRetransmission();
        assertThat(wire).isEmpty();
        assertThat(tx.respond(200, send(200))).isTrue();
        assertThat(tx.respond(500, send(500))).as("a second final is refused").isFalse();
        tx.receiveRetransmission();
        assertThat(wire).containsExactly("200", "200");
        clock.advance(Duration.ofSeconds(32)); // Timer J
        assertThat(tx.state()).isEqualTo(ServerNonInviteTransaction.State.TERMINATED);
        assertThat(terminated).hasValue(1);
    }

    @Test
    void nonInviteOverReliableTransportEndsWithItsFinal() {
        ServerNonInviteTransaction tx = new ServerNonInviteTransaction(timers, true, terminated::incrementAndGet);
        tx.respond(200, send(200));
        assertThat(tx.state()).isEqualTo(ServerNonInviteTransaction.State.TERMINATED);
    }
}
