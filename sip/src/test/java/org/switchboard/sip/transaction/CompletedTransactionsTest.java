package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipMethod;

/** Batched Timer J: a completed transaction is dropped no sooner than Timer J, no later than one batch after. */
class CompletedTransactionsTest {
    private static final Duration TIMER_J = TimerSettings.DEFAULTS.transactionTimeout();

    private final ManualTimer clock = new ManualTimer();
    private final List<String> expired = new ArrayList<>();
    private final CompletedTransactions completed =
            new CompletedTransactions(clock, TIMER_J, (key, machine) -> expired.add(key.branch()));

    private void complete(String branch) {
        TransactionKey key = new TransactionKey(branch, "192.0.2.7:5060", SipMethod.REGISTER);
        completed.add(key, new ServerNonInviteTransaction(
                new TransactionTimers(TimerSettings.DEFAULTS, clock, Runnable::run, () -> {}), false, () -> {}));
    }

    @Test
    void aCompletedTransactionLivesAtLeastTimerJAndAtMostOneBatchLonger() {
        complete("z9hG4bK-a");
        clock.advance(CompletedTransactions.BATCH.dividedBy(2));
        complete("z9hG4bK-b");

        clock.advance(TIMER_J.minusMillis(1));
        assertThat(expired).as("nothing ends before the last of the batch has had Timer J").isEmpty();

        clock.advance(CompletedTransactions.BATCH.dividedBy(2).plusMillis(1));
        assertThat(expired).as("the whole batch ends within one batch after Timer J")
                .containsExactly("z9hG4bK-a", "z9hG4bK-b");
    }

    @Test
    void aCompletionAfterTheBatchClosedWaitsForItsOwnTimerJ() {
        complete("z9hG4bK-a");
        clock.advance(CompletedTransactions.BATCH.plusMillis(10));
        complete("z9hG4bK-late");

        clock.advance(TIMER_J);
        assertThat(expired).as("the first batch ended, the later completion has not had Timer J yet")
                .containsExactly("z9hG4bK-a");
        clock.advance(CompletedTransactions.BATCH.plusMillis(10));
        assertThat(expired).containsExactly("z9hG4bK-a", "z9hG4bK-late");
        assertThat(clock.pending()).as("no timer left behind").isZero();
    }

    @Test
    void aMachineGivenToTheBatchesStartsNoTimerOfItsOwn() {
        ServerNonInviteTransaction machine = new ServerNonInviteTransaction(
                new TransactionTimers(TimerSettings.DEFAULTS, clock, Runnable::run, () -> {}), false, () -> {},
                () -> expired.add("handed over"));
        machine.respond(200, () -> {});
        assertThat(expired).containsExactly("handed over");
        assertThat(clock.pending()).isZero();
        assertThat(machine.state()).isEqualTo(ServerNonInviteTransaction.State.COMPLETED);
    }
}
