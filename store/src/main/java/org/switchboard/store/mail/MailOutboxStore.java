package org.switchboard.store.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the mailer may ask of the voicemail outbox. Every method blocks (database); thread-safe. */
public interface MailOutboxStore {

    /** Queues a mail, due at once; a {@code ConflictException} when this message of the box is queued already. */
    OutboxMail add(NewOutboxMail mail, Instant now);

    /** Up to {@code limit} mails due at {@code now}, the earliest due first. */
    List<OutboxMail> due(Instant now, int limit);

    /**
     * Takes mail {@code id} for one attempt, if it is still due at {@code seenDue} (no other node
     * took it since it was read): its next attempt moves to {@code until}, so a node that dies while
     * sending leaves it to be tried again then. False when another node was first.
     */
    boolean claim(long id, Instant seenDue, Instant until, Instant now);

    /** The mail server accepted mail {@code id}: it leaves the outbox. False when it was not there. */
    boolean delivered(long id);

    /** An attempt to send mail {@code id} failed with {@code error}; the next one is due at {@code next}. */
    void failed(long id, String error, Instant next, Instant now);

    /** How many mails wait. */
    int pending();

    /** When the earliest waiting mail is due, if any waits. */
    Optional<Instant> nextDue();
}
