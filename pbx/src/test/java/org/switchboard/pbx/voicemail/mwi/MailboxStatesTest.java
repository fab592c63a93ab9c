package org.switchboard.pbx.voicemail.mwi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.voicemail.MailboxCounts;

class MailboxStatesTest {

    @Test
    void aBoxIsReadOnceAndThenAnsweredFromMemory() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        MailboxStates states = new MailboxStates(box -> {
            reads.incrementAndGet();
            return new MailboxCounts(box, 1, 2);
        }, r -> Thread.ofVirtual().start(r));

        assertThat(states.counts("1001").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(new MailboxCounts("1001", 1, 2));
        assertThat(states.counts("1001").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(new MailboxCounts("1001", 1, 2));
        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeDuringTheFirstReadWinsOverWhatTheReadFound() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        MailboxStates states = new MailboxStates(box -> {
            reading.countDown();
            await(changed);
            return new MailboxCounts(box, 0, 0); // read before the change committed
        }, r -> Thread.ofVirtual().start(r));

        CompletableFuture<MailboxCounts> first = states.counts("1001").toCompletableFuture();
        reading.await(5, TimeUnit.SECONDS);
        states.changed(new MailboxCounts("1001", 3, 0));
        changed.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(new MailboxCounts("1001", 3, 0));
        assertThat(states.counts("1001").toCompletableFuture().get(5, TimeUnit.SECONDS).newMessages()).isEqualTo(3);
    }

    @Test
    void aFailedReadGivesEmptyCountsAndIsTriedAgainNextTime() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        MailboxStates states = new MailboxStates(box -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return new MailboxCounts(box, 4, 0);
        }, r -> Thread.ofVirtual().start(r));

        assertThat(states.counts("1001").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(new MailboxCounts("1001", 0, 0));
        assertThat(states.counts("1001").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(new MailboxCounts("1001", 4, 0));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
