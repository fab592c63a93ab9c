package org.switchboard.pbx.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.recording.CallRecording;
import org.switchboard.store.recording.ExtensionRecording;
import org.switchboard.store.recording.NewCallRecording;
import org.switchboard.store.recording.RecordingQuery;
import org.switchboard.store.recording.RecordingStore;

/**
 * Call recording's one entry point for the API, the recorder and the retention job: extensions' policies (cached,
 * read lock-free by calls), the stored recordings and their files under {@link #folder()}, and retention. Every
 * method but {@link #policy} blocks on the database or the disk: call it from a virtual or housekeeping thread.
 * Thread-safe.
 */
public final class RecordingService {
    /** The most recordings one listing returns. */
    public static final int LIST_LIMIT = 1000;
    private static final Logger log = LoggerFactory.getLogger(RecordingService.class);

    private final RecordingStore store;
    private final ExtensionService extensions;
    private final Path folder;
    private final Clock clock;
    private final EventBus events;
    private final Lock reload = new ReentrantLock();
    private volatile Map<String, ExtensionRecording> policies = Map.of();

    /** @param folder where the WAV files are ({@code data_dir/recordings}) */
    public RecordingService(RecordingStore store, ExtensionService extensions, Path folder, Clock clock,
            EventBus events) {
        this.store = store;
        this.extensions = extensions;
        this.folder = folder;
        this.clock = clock;
        this.events = events;
    }

    /** Loads the policies from the database; at start and after every change. */
    public void reloadCache() {
        reload.lock();
        try {
            policies = store.policies().stream()
                    .collect(Collectors.toUnmodifiableMap(ExtensionRecording::extension, Function.identity()));
        } finally {
            reload.unlock();
        }
    }

    /** {@code extension}'s settings ({@link ExtensionRecording#none} when it has none); no database access. */
    public ExtensionRecording policy(String extension) {
        return policies.getOrDefault(extension, ExtensionRecording.none(extension));
    }

    /** Extension {@code number}'s settings; {@link NotFoundException} when there is no such extension. */
    public ExtensionRecording settingsOf(String number) {
        extensions.get(number);
        return policy(number);
    }

    /** Stores {@code settings}; {@link NotFoundException} when its extension does not exist. */
    public ExtensionRecording save(ExtensionRecording settings) {
        extensions.get(settings.extension());
        ExtensionRecording saved = store.savePolicy(settings, clock.instant());
        reloadCache();
        events.publish(new ConfigChanged(clock.instant(), "recording_policy", saved.extension(), Change.UPDATED));
        return saved;
    }

    /** Now, on the service's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** The folder the files are in. */
    public Path folder() {
        return folder;
    }

    /** Stores the row of a recording whose file is complete under {@link #folder()}. */
    public CallRecording stored(NewCallRecording recording) {
        CallRecording saved = store.add(recording);
        log.info("recording stored id={} call_id={} extension={} duration_seconds={} file={}", saved.id(),
                saved.callId(), saved.extension(), saved.durationSeconds(), saved.file());
        return saved;
    }

    public List<CallRecording> list(RecordingQuery query) {
        return store.list(query, LIST_LIMIT);
    }

    /** Recording {@code id}; {@link NotFoundException} when absent. */
    public CallRecording get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("recording", Long.toString(id)));
    }

    /** Recording {@code id}'s file; {@link NotFoundException} when the recording or its file is absent. */
    public Path audio(long id) {
        Path file = fileOf(get(id));
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("recording file", Long.toString(id));
        }
        return file;
    }

    public CallRecording setLegalHold(long id, boolean legalHold) {
        CallRecording saved = store.setLegalHold(id, legalHold);
        log.info("recording legal hold id={} legal_hold={}", id, legalHold);
        return saved;
    }

    /** Deletes recording {@code id}, file and row; a recording under legal hold is refused (409 on legal_hold). */
    public void delete(long id) {
        CallRecording recording = get(id);
        if (recording.legalHold()) {
            throw new ConflictException("legal_hold", "the recording is under legal hold");
        }
        remove(recording);
        log.info("recording deleted id={} call_id={} file={}", id, recording.callId(), recording.file());
    }

    /** How many days recordings are kept; empty: forever. */
    public Optional<Integer> retentionDays() {
        return store.retentionDays();
    }

    /** Keeps recordings {@code days} days (1-36500), or forever when empty. */
    public void setRetentionDays(Optional<Integer> days) {
        days.ifPresent(d -> Fields.check(d >= 1 && d <= 36_500, "max_age_days", "must be between 1 and 36500"));
        store.saveRetentionDays(days, clock.instant());
        events.publish(new ConfigChanged(clock.instant(), "recording_retention", "default", Change.UPDATED));
    }

    /**
     * The retention job: removes every recording older than the retention period that is not under legal hold,
     * file and row, and logs each one. Returns how many it removed.
     */
    public int enforceRetention() {
        Optional<Integer> days = store.retentionDays();
        if (days.isEmpty()) {
            return 0;
        }
        List<CallRecording> expired = store.expired(clock.instant().minus(Duration.ofDays(days.get())));
        for (CallRecording recording : expired) {
            remove(recording);
            log.info("recording removed by retention id={} call_id={} extension={} started_at={} file={} max_age_days={}",
                    recording.id(), recording.callId(), recording.extension(), recording.startedAt(),
                    recording.file(), days.get());
        }
        return expired.size();
    }

    /** The file first: a row whose file is gone is still listed and can be deleted again, never the reverse. */
    private void remove(CallRecording recording) {
        try {
            Files.deleteIfExists(fileOf(recording));
        } catch (IOException e) {
            throw new UncheckedIOException("deleting recording " + recording.id(), e);
        }
        store.delete(recording.id());
    }

    private Path fileOf(CallRecording recording) {
        return folder.resolve(recording.file());
    }
}
