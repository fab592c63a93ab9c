package org.switchboard.pbx.prompt;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.dsp.WavFormatException;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.prompt.NewPrompt;
import org.switchboard.store.prompt.PromptStore;
import org.switchboard.store.prompt.UploadedPrompt;

/**
 * The single entry point for prompts (API, the attendant, voicemail): stores uploads (file first,
 * then row), and answers {@link #get} from memory, where every uploaded prompt is kept decoded and
 * replaced after each change, so a call never reads a file.
 *
 * <p>Thread-safe: changes and reloads are serialized by one lock and publish a new immutable map
 * through a volatile field that {@link #get} reads without locking. The changing methods block
 * (file and database): never call them on an event loop or a call thread.
 */
public final class PromptService implements Prompts {
    private static final Logger log = LoggerFactory.getLogger(PromptService.class);

    private final PromptStore store;
    private final PromptFiles files;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, Loaded> uploaded = Map.of();

    /** @param folder the data directory's prompts folder (made on the first upload) */
    public PromptService(PromptStore store, Path folder, Clock clock, EventBus events) {
        this.store = store;
        this.files = new PromptFiles(folder);
        this.clock = clock;
        this.events = events;
    }

    /** An uploaded prompt's row and its decoded audio. */
    private record Loaded(UploadedPrompt row, AudioClip clip) {}

    @Override
    public AudioClip get(String name) {
        Loaded own = uploaded.get(name);
        return own != null ? own.clip() : SystemPrompts.get(name);
    }

    /** Whether a call asking for {@code name} gets a prompt (uploaded or shipped). From memory. */
    public boolean exists(String name) {
        return uploaded.containsKey(name) || SystemPrompts.names().contains(name);
    }

    /** Every prompt, shipped and uploaded, by name. */
    public List<PromptInfo> list() {
        Map<String, Loaded> own = uploaded;
        Map<String, PromptInfo> all = new TreeMap<>();
        for (String name : SystemPrompts.names()) {
            all.put(name, new PromptInfo(name, false, true, SystemPrompts.get(name).duration()));
        }
        own.forEach((name, l) -> all.put(name, new PromptInfo(name, true, all.containsKey(name), l.clip().duration())));
        return new ArrayList<>(all.values());
    }

    /** The WAV file calls hear for {@code name}: the upload as it was sent, or the shipped prompt. */
    public byte[] audio(String name) {
        Loaded own = uploaded.get(name);
        if (own != null) {
            return files.read(own.row().fileName());
        }
        if (!SystemPrompts.names().contains(name)) {
            throw new NotFoundException("prompt", name);
        }
        return SystemPrompts.get(name).toWav();
    }

    /**
     * Stores {@code wav} as prompt {@code name} (a system prompt's name replaces it for every call
     * from now on); {@code ValidationException} on {@code name} or {@code body}.
     */
    public PromptInfo upload(String name, byte[] wav, String actor) {
        NewPrompt.checkName(name);
        PromptAudio audio = PromptAudio.decode(wav);
        changes.lock();
        try {
            String fileName = files.write(name, wav);
            PromptStore.Saved saved;
            try {
                saved = store.save(new NewPrompt(name, fileName, audio.sampleRateHz(), audio.clip().duration(), wav.length),
                        clock.instant());
            } catch (RuntimeException e) {
                files.delete(fileName);
                throw e;
            }
            saved.replaced().ifPresent(old -> deleteQuietly(old.fileName()));
            publish(new HashMap<>(uploaded), name, new Loaded(saved.prompt(), audio.clip()));
            events.publish(new ConfigChanged(clock.instant(), "prompt", name,
                    saved.replaced().isPresent() ? Change.UPDATED : Change.CREATED));
            log.info("prompt uploaded name={} sample_rate_hz={} duration_ms={} by={}", name, audio.sampleRateHz(),
                    audio.clip().duration().toMillis(), actor);
            return new PromptInfo(name, true, SystemPrompts.names().contains(name), audio.clip().duration());
        } finally {
            changes.unlock();
        }
    }

    /** Removes the uploaded prompt {@code name} (a shipped prompt of that name is heard again); {@code NotFoundException} when none. */
    public void delete(String name, String actor) {
        changes.lock();
        try {
            UploadedPrompt gone = store.delete(name).orElseThrow(() -> new NotFoundException("uploaded prompt", name));
            deleteQuietly(gone.fileName());
            publish(new HashMap<>(uploaded), name, null);
            events.publish(new ConfigChanged(clock.instant(), "prompt", name, Change.DELETED));
            log.info("prompt deleted name={} by={}", name, actor);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Loads every uploaded prompt from the database and its folder: at start and on a change notice
     * from another node. The shipped prompts are decoded here too, so that no call executor is the
     * first to ask for one (SystemPrompts reads it from the jar then).
     */
    public void reloadCache() {
        SystemPrompts.names().forEach(SystemPrompts::get);
        changes.lock();
        try {
            Map<String, Loaded> fresh = new HashMap<>();
            for (UploadedPrompt row : store.list()) {
                load(row).ifPresent(clip -> fresh.put(row.name(), new Loaded(row, clip)));
            }
            uploaded = Map.copyOf(fresh);
        } finally {
            changes.unlock();
        }
    }

    private Optional<AudioClip> load(UploadedPrompt row) {
        try {
            return Optional.of(AudioClip.fromWav(files.read(row.fileName())));
        } catch (UncheckedIOException | WavFormatException e) {
            // A node without the file (another node took the upload) or a damaged file: calls
            // hear the shipped prompt, if any, rather than nothing.
            log.warn("uploaded prompt unusable, not loaded name={} file={} reason={}", row.name(), row.fileName(), e.toString());
            return Optional.empty();
        }
    }

    private void publish(Map<String, Loaded> next, String name, Loaded loaded) {
        if (loaded == null) {
            next.remove(name);
        } else {
            next.put(name, loaded);
        }
        uploaded = Map.copyOf(next);
    }

    /** The row is already committed: a file left behind wastes space but harms nothing, so it is logged, not thrown. */
    private void deleteQuietly(String fileName) {
        try {
            files.delete(fileName);
        } catch (UncheckedIOException e) {
            log.warn("old prompt file not deleted file={} reason={}", fileName, e.getMessage());
        }
    }
}
