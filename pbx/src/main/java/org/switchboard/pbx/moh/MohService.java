package org.switchboard.pbx.moh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.dsp.WavFormatException;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.MediaClock;
import org.switchboard.pbx.call.HoldMusic;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.routing.CallSettingsLookup;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.moh.MohClass;
import org.switchboard.store.moh.MohFile;
import org.switchboard.store.moh.MohStore;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.moh.PlayOrder;

/**
 * Music on hold (docs/music-on-hold.md): the single entry point for its classes and files (API, seed)
 * and the node's {@link HoldMusic}. Each class is decoded once into a {@link ClassStream} that every
 * held party of that class listens to at one shared position; a change to a class reloads its stream
 * after the commit, and parties already held hear the new music from the next frame.
 *
 * <p>Thread-safe. Changes are serialized by one lock and run on request, seed or start-up threads (they
 * touch the database and the disk). {@link #forHold} runs on call executors and reads memory only.
 */
public final class MohService implements HoldMusic {
    private static final Logger log = LoggerFactory.getLogger(MohService.class);
    private static final String ENTITY = "moh_class";

    private final MohStore store;
    private final MohFolder folder;
    private final CallSettingsLookup settings;
    private final EventBus events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Lock changes = new ReentrantLock();
    // streams are kept for the node's life once made, so a listener follows its class across reloads
    private final Map<String, ClassStream> streams = new ConcurrentHashMap<>();

    /**
     * @param folder the data directory's {@code moh} folder, where each class keeps its files
     * @param settings the extensions' call settings, which name their class
     * @param meters where {@code switchboard_moh_holds_total{class}} counts the holds given music
     */
    public MohService(MohStore store, Path folder, CallSettingsLookup settings, EventBus events, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.folder = new MohFolder(folder);
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * A listener of the class the holder's extension chose ({@code default} when none, or when its class
     * has no files yet); empty when even the default class is silent. No SQL, no file: memory only.
     */
    @Override
    public Optional<AudioSource> forHold(String heldBy) {
        return forClass(Optional.ofNullable(settings.current(heldBy).values().mohClass()).orElse(NewMohClass.DEFAULT));
    }

    /**
     * A listener of class {@code name} (a parked call hears its lot's class, a queue's callers their queue's: every listener
     * of a class hears the same position), {@code default} when it is unknown or
     * has no files yet; empty when even the default class is silent. Memory only.
     */
    public Optional<AudioSource> forClass(String name) {
        String played = name;
        ClassStream stream = streams.get(played);
        if (stream == null || !stream.hasMusic()) {
            played = NewMohClass.DEFAULT;
            stream = streams.get(played);
        }
        if (stream == null || !stream.hasMusic()) {
            return Optional.empty();
        }
        // once per hold, not per frame: the registry's lookup is cheap enough here
        Counter.builder("switchboard.moh.holds").description("Held parties given music on hold, by the class played")
                .tag("class", played).register(meters).increment();
        return Optional.of(stream.listener());
    }

    public List<MohClass> list() {
        return store.list();
    }

    /** Class {@code name}; {@link NotFoundException} if absent. */
    public MohClass get(String name) {
        return store.find(name).orElseThrow(() -> new NotFoundException("music-on-hold class", name));
    }

    /** The number of classes. */
    public int count() {
        return store.count();
    }

    /** Creates a class (without files: it plays the default class's music until it has some). */
    public MohClass create(NewMohClass values, String actor) {
        changes.lock();
        try {
            MohClass saved = store.create(values, clock.instant());
            reload(saved.name());
            log.info("moh class created name={} order={} by={}", saved.name(), saved.order().key(), actor);
            publish(saved.name(), Change.CREATED);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Changes a class's description and order; {@link NotFoundException} if absent. */
    public MohClass update(NewMohClass values, String actor) {
        changes.lock();
        try {
            MohClass saved = store.update(values, clock.instant());
            reload(saved.name());
            log.info("moh class updated name={} order={} by={}", saved.name(), saved.order().key(), actor);
            publish(saved.name(), Change.UPDATED);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /**
     * Deletes a class with its files. {@link ConflictException} for {@code default}, which every extension
     * falls back to, and for a class an extension still chooses (the message names the extensions).
     */
    public void delete(String name, String actor) {
        if (name.equals(NewMohClass.DEFAULT)) {
            throw new ConflictException("name", "the default music-on-hold class cannot be deleted");
        }
        changes.lock();
        try {
            store.delete(name);
            folder.deleteClass(name);
            Optional.ofNullable(streams.remove(name)).ifPresent(s -> s.play(Optional.empty()));
            log.info("moh class deleted name={} by={}", name, actor);
            publish(name, Change.DELETED);
        } finally {
            changes.unlock();
        }
    }

    /** The files of class {@code name} in play order; {@link NotFoundException} for no such class. */
    public List<MohFile> files(String name) {
        return store.files(name);
    }

    /**
     * Stores {@code wav} as file {@code fileName} of class {@code className} (added at the end, or
     * replacing the file of that name) and reloads the class. {@link ValidationException} on {@code file}
     * for a bad name and on {@code body} for audio that is not a mono WAV of 16-bit PCM or G.711 at 8 or
     * 16 kHz, at least 20 ms long; {@link NotFoundException} for no such class.
     */
    public MohFile upload(String className, String fileName, byte[] wav, String actor) {
        MohFile.checkName(fileName);
        AudioClip clip = decode(wav);
        changes.lock();
        try {
            get(className);
            MohFolder.Staged staged = folder.stage(className, fileName, wav);
            MohFile saved;
            try {
                saved = store.saveFile(className, fileName, clip.duration(), clock.instant());
            } catch (RuntimeException e) {
                staged.discard();
                throw e;
            }
            staged.commit();
            reload(className);
            log.info("moh file stored class={} file={} duration_ms={} by={}", className, fileName,
                    saved.duration().toMillis(), actor);
            publish(className, Change.UPDATED);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Deletes a file of a class; {@link NotFoundException} when the class has no such file. */
    public void deleteFile(String className, String fileName, String actor) {
        changes.lock();
        try {
            store.deleteFile(className, fileName);
            folder.delete(className, fileName);
            reload(className);
            log.info("moh file deleted class={} file={} by={}", className, fileName, actor);
            publish(className, Change.UPDATED);
        } finally {
            changes.unlock();
        }
    }

    /** Decodes every class from its files: at start, and on a change notice from another node. */
    public void reloadCache() {
        changes.lock();
        try {
            List<String> names = store.list().stream().map(MohClass::name).toList();
            names.forEach(this::reload);
            streams.keySet().retainAll(names);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Seeds an empty database: the configured classes, plus {@code default} when the configuration does not
     * name it, which gets the tune made in code ({@link GeneratedTune}) when it is created here.
     */
    void seed(List<NewMohClass> configured, String actor) {
        List<NewMohClass> classes = new ArrayList<>(configured);
        boolean defaultNamed = classes.stream().anyMatch(c -> c.name().equals(NewMohClass.DEFAULT));
        if (!defaultNamed) {
            classes.addFirst(new NewMohClass(NewMohClass.DEFAULT, "Switchboard's own tune, made in code",
                    PlayOrder.SEQUENTIAL));
        }
        classes.forEach(c -> create(c, actor));
        if (files(NewMohClass.DEFAULT).isEmpty()) {
            upload(NewMohClass.DEFAULT, "switchboard-tune.wav", GeneratedTune.clip().toWav(), actor);
        }
    }

    private AudioClip decode(byte[] wav) {
        try {
            PcmAudio audio = WavFile.read(wav);
            if (audio.channels() != 1) {
                throw new ValidationException("body", "must be mono, the file has " + audio.channels() + " channels");
            }
            AudioClip clip = AudioClip.fromWav(wav);
            if (clip.length() < MediaClock.SAMPLES_PER_FRAME) {
                throw new ValidationException("body", "must hold at least 20 ms of audio");
            }
            return clip;
        } catch (WavFormatException e) {
            throw new ValidationException("body", "is not a usable WAV file: " + e.getMessage());
        }
    }

    /** Decodes class {@code name}'s files, in its order, into its stream. */
    private void reload(String name) {
        MohClass moh = get(name);
        List<AudioClip> clips = new ArrayList<>();
        for (MohFile file : store.files(name)) {
            try {
                clips.add(AudioClip.fromWav(folder.read(name, file.fileName())));
            } catch (UncheckedIOException | WavFormatException e) {
                log.warn("moh file unreadable, skipped class={} file={} reason={}", name, file.fileName(), e.toString());
            }
        }
        if (moh.order() == PlayOrder.RANDOM) {
            Collections.shuffle(clips, ThreadLocalRandom.current());
        }
        Optional<AudioClip> music = clips.isEmpty() ? Optional.empty() : Optional.of(AudioClip.concat(clips));
        streams.computeIfAbsent(name, n -> new ClassStream()).play(music);
    }

    private void publish(String name, Change change) {
        events.publish(new ConfigChanged(clock.instant(), ENTITY, name, change));
    }
}
