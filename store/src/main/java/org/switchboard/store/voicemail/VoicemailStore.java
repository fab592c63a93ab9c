package org.switchboard.store.voicemail;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.UnavailableException;

/**
 * Voicemail boxes and messages in the database, written through: each method is one transaction,
 * committed when it returns. Boxes are keyed by their extension's id; an extension without a box
 * row has {@link StoredBox#defaults}, and a write creates the row. Thread-safe; call from request,
 * worker or virtual threads, never an event loop. Every method may throw {@link
 * UnavailableException} when the database cannot be reached.
 */
public interface VoicemailStore {

    /** The box row of this extension; empty when none was written (the box has the defaults). */
    Optional<StoredBox> findBox(long extensionId);

    /** Every box row, ordered by extension id. */
    List<StoredBox> boxes();

    /** Creates or replaces the box's settings; {@link NotFoundException} if no such extension exists. */
    StoredBox saveSettings(long extensionId, BoxSettings settings, Instant now);

    /**
     * Counts a wrong PIN; the {@code maxAttempts}-th in a row locks the box until {@code lockUntil}
     * and starts the count again. {@link NotFoundException} if no such extension exists.
     */
    StoredBox pinFailed(long extensionId, int maxAttempts, Instant lockUntil, Instant now);

    /** A right PIN: the wrong-PIN count starts again and any lock-out ends. */
    void pinAccepted(long extensionId, Instant now);

    /**
     * Names {@code file} as the box's greeting of this kind; returns the file it replaces, if any.
     * {@link NotFoundException} if no such extension exists.
     */
    Optional<String> setGreeting(long extensionId, GreetingKind kind, String file, Instant now);

    /** Stores a message in folder {@code new}; {@link NotFoundException} if the extension is gone. */
    StoredMessage addMessage(NewMessage message, Instant now);

    /** The box's messages in {@code folder} ({@code new} or {@code old}; null: both), oldest first. */
    List<StoredMessage> messages(long extensionId, String folder);

    /** Message {@code id} if it is in this box. */
    Optional<StoredMessage> message(long extensionId, long id);

    /** Moves message {@code id} of this box to {@code folder}; false when the box has no such message. */
    boolean moveMessage(long extensionId, long id, String folder, Instant now);

    /** Deletes message {@code id} of this box and returns it (its audio file is the caller's to remove); empty if absent. */
    Optional<StoredMessage> deleteMessage(long extensionId, long id);

    /** How many messages the box holds in each folder. */
    MessageCounts counts(long extensionId);

    /** Every file name a row refers to (messages' audio and greetings), by extension id: what the file sweep keeps. */
    Map<Long, Set<String>> filesInUse();
}
