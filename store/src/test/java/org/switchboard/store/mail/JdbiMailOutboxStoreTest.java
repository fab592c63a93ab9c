package org.switchboard.store.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiMailOutboxStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.089Z");
    private static final byte[] WAV = {'R', 'I', 'F', 'F', 0, 1, 2, (byte) 0xff};

    private static NewOutboxMail mail(String box, long messageId) {
        return new NewOutboxMail(box, messageId, box + "@example.com", "+4930123", "Caller Name", T0.minusSeconds(30),
                Duration.ofMillis(12_345), WAV);
    }

    @BothEngines
    void aQueuedMailLoadsWithEveryFieldAndItsAudioAndIsDueAtOnce(TestDatabase db) {
        JdbiMailOutboxStore store = new JdbiMailOutboxStore(db.database());

        OutboxMail saved = store.add(mail("1001", 7), T0);

        assertThat(store.due(T0, 10)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(saved.id());
            assertThat(m.mail()).extracting(NewOutboxMail::box, NewOutboxMail::messageId, NewOutboxMail::recipient,
                            NewOutboxMail::callerNumber, NewOutboxMail::callerName, NewOutboxMail::receivedAt,
                            NewOutboxMail::duration)
                    .containsExactly("1001", 7L, "1001@example.com", "+4930123", "Caller Name", T0.minusSeconds(30),
                            Duration.ofMillis(12_345));
            assertThat(m.mail().audio()).containsExactly(WAV);
            assertThat(m.attempts()).isZero();
            assertThat(m.lastError()).isEmpty();
            assertThat(m.nextAttemptAt()).isEqualTo(T0);
        });
        assertThat(store.pending()).isEqualTo(1);
        assertThat(store.nextDue()).contains(T0);
    }

    @BothEngines
    void aFailedAttemptCountsKeepsItsReasonAndWaitsUntilTheNextTry(TestDatabase db) {
        JdbiMailOutboxStore store = new JdbiMailOutboxStore(db.database());
        OutboxMail saved = store.add(mail("1001", 7), T0);

        store.failed(saved.id(), "connection refused", T0.plusSeconds(30), T0.plusSeconds(1));

        assertThat(store.due(T0.plusSeconds(29), 10)).as("not due before its next try").isEmpty();
        assertThat(store.due(T0.plusSeconds(30), 10)).singleElement().satisfies(m -> {
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).contains("connection refused");
            assertThat(m.updatedAt()).isEqualTo(T0.plusSeconds(1));
        });
        assertThatThrownBy(() -> store.failed(saved.id() + 100, "x", T0, T0)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void aDeliveredMailLeavesTheOutbox(TestDatabase db) {
        JdbiMailOutboxStore store = new JdbiMailOutboxStore(db.database());
        OutboxMail first = store.add(mail("1001", 7), T0);
        store.add(mail("1002", 8), T0.plusSeconds(1));

        assertThat(store.delivered(first.id())).isTrue();
        assertThat(store.delivered(first.id())).as("only once").isFalse();

        assertThat(store.due(T0.plusSeconds(5), 10)).extracting(m -> m.mail().box()).containsExactly("1002");
        assertThat(store.pending()).isEqualTo(1);
    }

    @BothEngines
    void dueMailsComeEarliestFirstUpToTheLimit(TestDatabase db) {
        JdbiMailOutboxStore store = new JdbiMailOutboxStore(db.database());
        OutboxMail late = store.add(mail("1001", 1), T0);
        store.add(mail("1002", 2), T0.plusSeconds(1));
        store.add(mail("1003", 3), T0.plusSeconds(2));
        store.failed(late.id(), "timeout", T0.plusSeconds(60), T0);

        assertThat(store.due(T0.plusSeconds(60), 2)).extracting(m -> m.mail().box()).containsExactly("1002", "1003");
        assertThat(store.nextDue()).contains(T0.plusSeconds(1));
    }

    @BothEngines
    void aMailIsClaimedOnceAndWaitsUntilItsLeaseEnds(TestDatabase db) {
        JdbiMailOutboxStore store = new JdbiMailOutboxStore(db.database());
        OutboxMail seen = store.add(mail("1001", 7), T0);

        assertThat(store.claim(seen.id(), seen.nextAttemptAt(), T0.plusSeconds(300), T0)).isTrue();
        assertThat(store.claim(seen.id(), seen.nextAttemptAt(), T0.plusSeconds(300), T0))
                .as("a second node that read the same row").isFalse();

        assertThat(store.due(T0.plusSeconds(299), 10)).as("leased").isEmpty();
        assertThat(store.due(T0.plusSeconds(300), 10)).as("the claimant died: due again").hasSize(1);
    }

    @BothEngines
    void theSameMessageIsQueuedOnce(TestDatabase db) {
        JdbiMailOutboxStore store = new JdbiMailOutboxStore(db.database());
        store.add(mail("1001", 7), T0);

        assertThatThrownBy(() -> store.add(mail("1001", 7), T0)).isInstanceOf(ConflictException.class);
        assertThat(store.pending()).isEqualTo(1);
    }

    @BothEngines
    void anEmptyOutboxHasNothingDue(TestDatabase db) {
        JdbiMailOutboxStore store = new JdbiMailOutboxStore(db.database());

        assertThat(store.due(T0, 10)).isEmpty();
        assertThat(store.nextDue()).isEmpty();
        assertThat(store.pending()).isZero();
    }

    @BothEngines
    void queuedFailedAndDeliveredMailsSurviveARestart(TestDatabase db) {
        JdbiMailOutboxStore store = new JdbiMailOutboxStore(db.database());
        OutboxMail failed = store.add(mail("1001", 1), T0);
        OutboxMail sent = store.add(mail("1002", 2), T0);
        store.add(mail("1003", 3), T0);
        store.failed(failed.id(), "451 try later", T0.plusSeconds(10), T0);
        store.delivered(sent.id());

        JdbiMailOutboxStore reopened = new JdbiMailOutboxStore(db.restart());

        assertThat(reopened.due(T0.plusSeconds(10), 10)).extracting(m -> m.mail().box(), OutboxMail::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1003", 0), org.assertj.core.groups.Tuple.tuple("1001", 1));
        assertThat(reopened.due(T0.plusSeconds(10), 10).get(1).mail().audio()).containsExactly(WAV);
    }

    @BothEngines
    void aRecipientWithoutAnAtSignIsRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewOutboxMail("1001", 1, "nobody", "", "", T0, Duration.ZERO, WAV))
                .isInstanceOf(ValidationException.class).hasMessageContaining("e-mail");
    }
}
