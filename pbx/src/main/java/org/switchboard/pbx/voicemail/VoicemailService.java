package org.switchboard.pbx.voicemail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.voicemail.BoxSettings;
import org.switchboard.store.voicemail.GreetingKind;
import org.switchboard.store.voicemail.MessageCounts;
import org.switchboard.store.voicemail.NewMessage;
import org.switchboard.store.voicemail.StoredBox;
import org.switchboard.store.voicemail.StoredMessage;
import org.switchboard.store.voicemail.VoicemailStore;

/**
 * The single entry point for voicemail data (docs/voicemail.md): the call applications use it
 * through {@link Voicemail}, the API and the panel through the methods added here. Every extension
 * has a box; its row is written on the first change. The PIN is the extension's own (hashed by
 * {@link ExtensionService}); a box without a PIN opens only from its owner's phone, which is why
 * {@link VoicemailBox#ownPhoneSkipsPin()} is true for it.
 *
 * <p>Audio is a file first and a row second: a message's WAV is forced to disk before its row is
 * inserted, a deleted message's row goes before its file, and a replaced greeting's old file goes
 * after the row names the new one, so a crash never leaves a row without audio; the files it may
 * leave without a row are removed by {@link #sweepFiles} at start. {@link MailboxListener}s are told
 * after each commit, on the calling thread. Every method blocks on the database or disk: call it
 * from a virtual or request thread, never a call's event loop. Thread-safe.
 */
public final class VoicemailService implements Voicemail {
    private static final Logger log = LoggerFactory.getLogger(VoicemailService.class);
    /** The field a PIN is named by in the voicemail API. */
    public static final String PIN_FIELD = "pin";

    private final VoicemailStore store;
    private final ExtensionService extensions;
    private final MailboxFiles files;
    private final VoicemailSettings settings;
    private final Clock clock;
    private final List<MailboxListener> listeners;
    private final VoicemailLastResort lastResort = new VoicemailLastResort();
    private final Lock reload = new ReentrantLock();

    /**
     * @param folder the voicemail folder under the data directory ({@code data_dir/voicemail}); created when
     *     the first box keeps a file
     * @param listeners told after every committed change, in order
     */
    public VoicemailService(VoicemailStore store, ExtensionService extensions, Path folder, VoicemailSettings settings,
            Clock clock, List<MailboxListener> listeners) {
        this.store = store;
        this.extensions = extensions;
        this.files = new MailboxFiles(folder);
        this.settings = settings;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** The dial plan's last resort for calls an extension cannot take: its enabled box. */
    public VoicemailLastResort lastResort() {
        return lastResort;
    }

    @Override
    public Optional<VoicemailBox> box(String number) {
        return extensions.find(number).map(e -> toBox(e, stored(e)));
    }

    @Override
    public PinCheck checkPin(String box, String pin) {
        Extension e = extension(box);
        Instant now = clock.instant();
        StoredBox before = stored(e);
        if (before.lockedAt(now)) {
            log.info("voicemail PIN refused: box locked box={} until={}", box, before.lockedUntil());
            return PinCheck.LOCKED;
        }
        if (pin != null && extensions.checkVoicemailPin(box, pin)) {
            store.pinAccepted(e.id(), now);
            return PinCheck.ACCEPTED;
        }
        StoredBox after = store.pinFailed(e.id(), settings.maxPinAttempts(), now.plus(settings.pinLockout()), now);
        if (after.lockedAt(now)) {
            log.warn("voicemail box locked after {} wrong PINs box={} until={}", settings.maxPinAttempts(), box,
                    after.lockedUntil());
            return PinCheck.LOCKED;
        }
        log.info("voicemail wrong PIN box={} failures={} of={}", box, after.failedPinCount(), settings.maxPinAttempts());
        return PinCheck.WRONG;
    }

    @Override
    public void changePin(String box, String pin) {
        if (!ExtensionInput.isValidPin(pin)) {
            throw new IllegalArgumentException("a voicemail PIN is 4 to 10 digits");
        }
        extensions.setVoicemailPin(box, pin, "voicemail box " + box);
    }

    @Override
    public Path newRecording(String box) {
        return files.newFile(extension(box).id(), "msg");
    }

    @Override
    public VoicemailMessage deposit(String box, Path audio, String callerNumber, String callerName, Instant receivedAt,
            Duration duration) {
        Extension e = extension(box);
        if (!files.isIn(e.id(), audio) || !Files.isRegularFile(audio)) {
            throw new IllegalArgumentException("not a recording of box " + box + ": " + audio);
        }
        MailboxFiles.force(audio);
        StoredMessage row;
        try {
            row = store.addMessage(new NewMessage(e.id(), callerNumber, callerName, receivedAt, duration.toMillis(),
                    audio.getFileName().toString()), clock.instant());
        } catch (NotFoundException gone) {
            MailboxFiles.deleteQuietly(audio);
            throw new NotFoundException("extension", box);
        }
        VoicemailMessage message = toMessage(box, row);
        log.info("voicemail message left box={} id={} caller={} duration_ms={}", box, row.id(), row.callerNumber(),
                row.durationMs());
        VoicemailBox current = toBox(e, stored(e));
        MailboxCounts counts = counts(box);
        for (MailboxListener l : listeners) {
            tell(l, () -> l.deposited(current, message, audio));
            tell(l, () -> l.changed(counts));
        }
        return message;
    }

    @Override
    public List<VoicemailMessage> messages(String box, Folder folder) {
        return store.messages(extension(box).id(), folder.key()).stream().map(m -> toMessage(box, m)).toList();
    }

    /** Every message of {@code box}, both folders, oldest first (the API's list). */
    public List<VoicemailMessage> allMessages(String box) {
        return store.messages(extension(box).id(), null).stream().map(m -> toMessage(box, m)).toList();
    }

    /** Message {@code id} of {@code box}, if both exist. */
    public Optional<VoicemailMessage> message(String box, long id) {
        return store.message(extension(box).id(), id).map(m -> toMessage(box, m));
    }

    @Override
    public Optional<Path> audio(String box, long id) {
        Extension e = extension(box);
        return store.message(e.id(), id).map(m -> files.resolve(e.id(), m.audioFile()));
    }

    @Override
    public boolean move(String box, long id, Folder folder) {
        boolean moved = store.moveMessage(extension(box).id(), id, folder.key(), clock.instant());
        if (moved) {
            changed(box);
        }
        return moved;
    }

    @Override
    public boolean delete(String box, long id) {
        Extension e = extension(box);
        Optional<StoredMessage> deleted = store.deleteMessage(e.id(), id);
        deleted.ifPresent(m -> {
            MailboxFiles.deleteQuietly(files.resolve(e.id(), m.audioFile()));
            log.info("voicemail message deleted box={} id={}", box, id);
            changed(box);
        });
        return deleted.isPresent();
    }

    @Override
    public Optional<Path> greeting(String box, Greeting kind) {
        Extension e = extension(box);
        return stored(e).greeting(kindOf(kind)).map(name -> files.resolve(e.id(), name));
    }

    /** {@inheritDoc} {@link org.switchboard.store.db.ValidationException} on {@code audio} naming what is wrong with it. */
    @Override
    public void saveGreeting(String box, Greeting kind, byte[] wav) {
        GreetingAudio.check(wav);
        Extension e = extension(box);
        Path file = files.newFile(e.id(), "greeting-" + kind.key());
        MailboxFiles.writeAtomically(file, wav);
        Optional<String> previous;
        try {
            previous = store.setGreeting(e.id(), kindOf(kind), file.getFileName().toString(), clock.instant());
        } catch (RuntimeException failed) {
            MailboxFiles.deleteQuietly(file);
            throw failed;
        }
        previous.ifPresent(name -> MailboxFiles.deleteQuietly(files.resolve(e.id(), name)));
        log.info("voicemail greeting saved box={} kind={} bytes={}", box, kind.key(), wav.length);
    }

    @Override
    public MailboxCounts counts(String box) {
        MessageCounts c = store.counts(extension(box).id());
        return new MailboxCounts(box, c.newMessages(), c.oldMessages());
    }

    /** The box of extension {@code number} as administrators see it; {@link NotFoundException} if no such extension. */
    public VoicemailBoxDetails details(String number) {
        Extension e = extension(number);
        return details(e, stored(e));
    }

    /**
     * Saves the box's settings and, when {@code pin} is given, sets the PIN and ends any lock-out.
     * The PIN is checked before anything is saved ({@link org.switchboard.store.db.ValidationException}
     * on {@value #PIN_FIELD}); {@link NotFoundException} if no such extension.
     */
    public VoicemailBoxDetails update(String number, BoxSettings boxSettings, Optional<String> pin, String actor) {
        pin.ifPresent(p -> Fields.check(ExtensionInput.isValidPin(p), PIN_FIELD, "must be 4 to 10 digits"));
        Extension e = extension(number);
        store.saveSettings(e.id(), boxSettings, clock.instant());
        if (pin.isPresent()) {
            e = extensions.setVoicemailPin(number, pin.get(), actor);
            store.pinAccepted(e.id(), clock.instant());
        }
        reloadCache();
        log.info("voicemail box updated box={} enabled={} pin_changed={} by={}", number, boxSettings.enabled(),
                pin.isPresent(), actor);
        return details(e, stored(e));
    }

    /**
     * Reloads which boxes take calls (the last resort's set) from the database: at start, after a
     * box's settings change, and after an extension changes.
     */
    public void reloadCache() {
        reload.lock();
        try {
            Map<Long, StoredBox> rows = store.boxes().stream()
                    .collect(Collectors.toMap(StoredBox::extensionId, Function.identity()));
            Set<String> enabled = extensions.list().stream()
                    .filter(e -> rows.getOrDefault(e.id(), StoredBox.defaults(e.id())).settings().enabled())
                    .map(Extension::number)
                    .collect(Collectors.toUnmodifiableSet());
            lastResort.replace(enabled);
        } finally {
            reload.unlock();
        }
    }

    /**
     * Deletes audio no row refers to: the folders of deleted extensions, and at start ({@code
     * atStart}) also files a crash left without a row. Returns how many files went.
     */
    public int sweepFiles(boolean atStart) {
        Set<Long> ids = extensions.list().stream().map(Extension::id).collect(Collectors.toUnmodifiableSet());
        int removed = files.sweep(ids, atStart ? store.filesInUse() : Map.of(), atStart);
        if (removed > 0) {
            log.info("voicemail files without a row removed count={} at_start={}", removed, atStart);
        }
        return removed;
    }

    private Extension extension(String number) {
        return extensions.find(number).orElseThrow(() -> new NotFoundException("voicemail box", number));
    }

    private StoredBox stored(Extension e) {
        return store.findBox(e.id()).orElseGet(() -> StoredBox.defaults(e.id()));
    }

    private VoicemailBox toBox(Extension e, StoredBox b) {
        BoxSettings s = b.settings();
        Optional<String> email = s.emailMessages() ? Optional.ofNullable(e.email()) : Optional.empty();
        // Without a PIN the box opens only from the owner's phone (docs/voicemail.md).
        boolean skipsPin = s.ownPhoneSkipsPin() || e.voicemailPinHash() == null;
        return new VoicemailBox(e.number(), s.enabled(), email, Duration.ofSeconds(s.maxMessageSeconds()), skipsPin);
    }

    private VoicemailBoxDetails details(Extension e, StoredBox b) {
        Set<Greeting> recorded = EnumSet.noneOf(Greeting.class);
        for (Greeting g : Greeting.values()) {
            if (b.greeting(kindOf(g)).isPresent()) {
                recorded.add(g);
            }
        }
        return new VoicemailBoxDetails(e.number(), b.settings(), Optional.ofNullable(e.email()),
                e.voicemailPinHash() != null, Optional.ofNullable(b.lockedUntil()).filter(u -> u.isAfter(clock.instant())),
                recorded);
    }

    private static VoicemailMessage toMessage(String box, StoredMessage m) {
        return new VoicemailMessage(m.id(), box, m.callerNumber(), m.callerName() == null ? "" : m.callerName(),
                m.receivedAt(), Duration.ofMillis(m.durationMs()), Folder.valueOf(m.folder().toUpperCase(Locale.ROOT)));
    }

    private static GreetingKind kindOf(Greeting g) {
        return GreetingKind.valueOf(g.name());
    }

    private void changed(String box) {
        MailboxCounts counts = counts(box);
        listeners.forEach(l -> tell(l, () -> l.changed(counts)));
    }

    /** A listener that throws despite its contract is logged and skipped: the change is committed. */
    private static void tell(MailboxListener listener, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("voicemail listener failed listener={} reason={}", listener.getClass().getSimpleName(), e.toString());
        }
    }
}
