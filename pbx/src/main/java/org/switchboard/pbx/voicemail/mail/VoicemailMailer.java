package org.switchboard.pbx.voicemail.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.voicemail.MailboxCounts;
import org.switchboard.pbx.voicemail.MailboxListener;
import org.switchboard.pbx.voicemail.VoicemailBox;
import org.switchboard.pbx.voicemail.VoicemailMessage;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.mail.MailOutboxStore;
import org.switchboard.store.mail.NewOutboxMail;
import org.switchboard.store.mail.OutboxMail;

/**
 * Mails every new message of a box that has an e-mail address. {@link #deposited} only starts a
 * virtual thread that reads the WAV and writes the mail to the outbox (committed before it is
 * sent, so a restart finds it); one delivery thread at a time then sends what is due, so the mail
 * server sees one session at a time. A mail the server accepted leaves the outbox; a failure is
 * logged and the mail tried again after the {@link RetrySchedule}'s wait, however long the server
 * stays down. Mails in the outbox at {@link #start} (left by a previous run) are sent when due.
 * Nodes sharing a database share the outbox: each mail is claimed for one attempt before it is
 * sent, so two nodes never both send it; a node that dies mid-attempt leaves it to be tried again
 * after the claim's lease (at least once: a crash between the server's acceptance and the row's
 * deletion sends it twice).
 *
 * <p>Thread-safe: the delivery thread is started by whoever wins {@code delivering}; {@code
 * again} makes a wake-up that arrives during a run cause one more pass.
 */
public final class VoicemailMailer implements MailboxListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VoicemailMailer.class);
    /** Mails read from the outbox per query (each carries its audio). */
    private static final int BATCH = 10;
    /** How long a claimed mail is left to its node before another may try it (longer than an SMTP attempt's timeouts). */
    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Tries to write a mail into the outbox before it is reported lost. */
    private static final int QUEUE_ATTEMPTS = 5;

    private final MailOutboxStore outbox;
    private final SmtpSender smtp;
    private final RetrySchedule retries;
    private final InstantSource clock;
    private volatile ScheduledExecutorService scheduler;
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final LongAdder sent = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile ScheduledFuture<?> nextRun;
    private volatile boolean closed;

    /**
     * A mailer that queues from now on and delivers once {@link #start started} (the voicemail
     * service, built first, may deposit before).
     */
    public VoicemailMailer(MailOutboxStore outbox, SmtpSettings smtp, RetrySchedule retries, InstantSource clock) {
        this.outbox = outbox;
        this.smtp = new SmtpSender(smtp);
        this.retries = retries;
        this.clock = clock;
        log.info("voicemail mail on smtp={}", smtp);
    }

    /**
     * Starts delivering: what the outbox holds now (mails a previous run left, mails queued since
     * construction) at once, later mails as they are queued or fall due.
     *
     * @param waits where the wait until the next due mail runs; its task only wakes the delivery thread
     */
    public void start(ScheduledExecutorService waits) {
        this.scheduler = waits;
        wake();
    }

    @Override
    public void changed(MailboxCounts counts) {
        // Counts are message waiting's business; only new messages are mailed.
    }

    @Override
    public void deposited(VoicemailBox box, VoicemailMessage message, Path audio) {
        Optional<String> email = box.email().filter(e -> !e.isBlank());
        if (email.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("mail-queue-" + box.number()).start(() -> queue(email.get(), message, audio));
    }

    private void queue(String recipient, VoicemailMessage message, Path audio) {
        for (int attempt = 1; ; attempt++) {
            try {
                NewOutboxMail mail = new NewOutboxMail(message.box(), message.id(), recipient, message.callerNumber(),
                        message.callerName(), message.receivedAt(), message.duration(), Files.readAllBytes(audio));
                outbox.add(mail, clock.instant());
                log.debug("voicemail mail queued box={} message={}", message.box(), message.id());
                wake();
                return;
            } catch (ConflictException e) {
                return; // queued already (the voicemail service told us twice)
            } catch (IOException | RuntimeException e) {
                if (attempt == QUEUE_ATTEMPTS) {
                    log.error("voicemail mail lost: not queued box={} message={} recipient={} reason={}", message.box(),
                            message.id(), recipient, e.toString());
                    return;
                }
                log.warn("voicemail mail not queued yet box={} message={} attempt={} reason={}", message.box(),
                        message.id(), attempt, e.toString());
                pause(retries.after(attempt));
            }
        }
    }

    /** Starts a delivery pass now (or one more after the pass under way). Any thread. */
    private void wake() {
        if (closed || scheduler == null) {
            return;
        }
        again.set(true);
        if (delivering.compareAndSet(false, true)) {
            Thread.ofVirtual().name("mail-delivery").start(this::deliver);
        }
    }

    private void deliver() {
        try {
            while (again.getAndSet(false) && !closed) {
                sendDue();
            }
        } finally {
            delivering.set(false);
        }
        if (again.get()) {
            wake(); // woken between the last pass and the reset
        } else {
            scheduleNextPass();
        }
    }

    private void sendDue() {
        try {
            List<OutboxMail> due;
            do {
                due = outbox.due(clock.instant(), BATCH);
                due.forEach(this::send);
            } while (due.size() == BATCH && !closed);
        } catch (RuntimeException e) {
            // The database is away: the outbox is read again after the first retry wait.
            log.warn("voicemail outbox not read reason={}", e.toString());
            scheduleIn(retries.first());
        }
    }

    private void send(OutboxMail queued) {
        NewOutboxMail mail = queued.mail();
        Instant claimed = clock.instant();
        if (!outbox.claim(queued.id(), queued.nextAttemptAt(), claimed.plus(LEASE), claimed)) {
            return; // another node on the same database took it
        }
        try {
            smtp.send(mail);
        } catch (Exception e) {
            failures.increment();
            int attempt = queued.attempts() + 1;
            Duration wait = retries.after(attempt);
            log.warn("voicemail mail not sent box={} message={} recipient={} attempt={} retry_in={} reason={}",
                    mail.box(), mail.messageId(), mail.recipient(), attempt, wait, e.toString());
            Instant now = clock.instant();
            outbox.failed(queued.id(), e.toString(), now.plus(wait), now);
            return;
        }
        sent.increment();
        outbox.delivered(queued.id());
        log.info("voicemail mail sent box={} message={} recipient={} attempts={}", mail.box(), mail.messageId(),
                mail.recipient(), queued.attempts() + 1);
    }

    private void scheduleNextPass() {
        try {
            outbox.nextDue().ifPresent(due -> scheduleIn(Duration.between(clock.instant(), due)));
        } catch (RuntimeException e) {
            log.warn("voicemail outbox not read reason={}", e.toString());
            scheduleIn(retries.first());
        }
    }

    private void scheduleIn(Duration wait) {
        if (closed) {
            return;
        }
        ScheduledFuture<?> previous = nextRun;
        if (previous != null) {
            previous.cancel(false);
        }
        nextRun = scheduler.schedule(this::wake, Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Mails the server accepted since start, for metrics. */
    public long sent() {
        return sent.sum();
    }

    /** Failed attempts since start, for metrics. */
    public long failures() {
        return failures.sum();
    }

    /** How many mails wait in the outbox (blocking). */
    public int pending() {
        return outbox.pending();
    }

    /** Stops waking; mails still queued stay in the outbox for the next start. */
    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> previous = nextRun;
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
