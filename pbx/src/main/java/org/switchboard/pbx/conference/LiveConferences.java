package org.switchboard.pbx.conference;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.media.endpoint.WavRecorder;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.store.conference.NewConferenceRoom;
import org.switchboard.store.db.NotFoundException;

/**
 * Who is in each room on this node right now, and each room's mixer: made at the first caller, closed at the last
 * (which also ends the room's recording). Kept in memory, not in a table: the mixer and the calls live in this
 * process, so after a crash a stored list could only be wrong.
 *
 * <p>Thread-safe: callers join and leave from their own call executors and the API reads and changes from request
 * threads, all under one lock held for a few list operations (no I/O: a recording's file is written by its own
 * virtual thread).
 */
public final class LiveConferences {
    /**
     * Parties summed per tick: a room's loudest five are heard; the rest hear them without costing a subtraction
     * each, and their background noise stays out of the mix.
     */
    public static final int TALKERS = 5;
    static final AudioClip JOIN_TONE = AudioClip.concat(List.of(AudioClip.tone(660, 0.2, Duration.ofMillis(120)),
            AudioClip.tone(880, 0.2, Duration.ofMillis(120))));
    static final AudioClip LEAVE_TONE = AudioClip.concat(List.of(AudioClip.tone(880, 0.2, Duration.ofMillis(120)),
            AudioClip.tone(660, 0.2, Duration.ofMillis(120))));
    private static final Logger log = LoggerFactory.getLogger(LiveConferences.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Path recordings;
    private final Map<String, Room> rooms = new HashMap<>();
    private Function<String, Mixer> mixers;
    private long lastId;

    /** What {@link #join} did with a caller. */
    public enum Outcome { JOINED, WAITING, FULL }

    /** A live room: its mixer and its callers in the order they came. Guarded by the outer lock. */
    private static final class Room {
        final Mixer mixer;
        final List<Participant> participants = new ArrayList<>();

        Room(Mixer mixer) {
            this.mixer = mixer;
        }

        boolean hasModerator() {
            return participants.stream().anyMatch(p -> p.moderator() && p.seated());
        }
    }

    /** Rooms recorded with {@code record} on are written as WAV files under {@code recordings}. */
    public LiveConferences(Clock clock, Path recordings) {
        this.clock = clock;
        this.recordings = recordings;
    }

    /** Where mixers come from (the node's media endpoints), given once SIP runs. */
    public synchronized void useMixers(Function<String, Mixer> factory) {
        mixers = factory;
    }

    /** The folder room recordings go to. */
    public Path recordings() {
        return recordings;
    }

    /**
     * Takes a caller into room {@code name} set up as {@code settings}: {@link Outcome#FULL} when it holds {@code
     * max_participants} already (the caller is not added), {@link Outcome#WAITING} when the room waits for a
     * moderator that is not there (the caller is added, unseated, and seated when one comes), else {@link
     * Outcome#JOINED}: seated in the room's mixer, and the others hear the join tone. Runs on the caller's executor.
     */
    public synchronized Joined join(String name, NewConferenceRoom settings, PbxLeg leg, Executor executor,
            boolean moderator) {
        Room room = rooms.get(name);
        if (room != null && room.participants.size() >= settings.maxParticipants()) {
            return new Joined(Outcome.FULL, Optional.empty());
        }
        if (room == null) {
            room = open(name, settings);
        }
        Participant joining = new Participant(++lastId, name, leg, executor, moderator, clock.instant());
        room.participants.add(joining);
        if (settings.waitForModerator() && !moderator && !room.hasModerator()) {
            log.info("conference {} caller={} waits for a moderator", name, leg.caller());
            return new Joined(Outcome.WAITING, Optional.of(joining));
        }
        seat(room, joining, settings);
        if (moderator) {
            for (Participant waiting : List.copyOf(room.participants)) {
                if (!waiting.seated()) {
                    seat(room, waiting, settings);
                }
            }
        }
        return new Joined(Outcome.JOINED, Optional.of(joining));
    }

    /** What {@link #join} did, with the participant when the caller was added. */
    public record Joined(Outcome outcome, Optional<Participant> participant) {}

    /** Takes {@code participant} out of its room; the last one out closes the mixer and the recording. */
    public synchronized void leave(Participant participant, boolean tones) {
        Room room = rooms.get(participant.room());
        if (room == null || !room.participants.remove(participant)) {
            return;
        }
        log.info("conference {} caller={} left, {} remain", participant.room(), participant.caller(),
                room.participants.size());
        if (room.participants.isEmpty()) {
            rooms.remove(participant.room());
            room.mixer.close();
            log.info("conference {} ended", participant.room());
        } else if (tones && participant.seated()) {
            room.participants.stream().filter(Participant::seated).forEach(p -> p.hear(LEAVE_TONE.source()));
        }
    }

    /** The callers in room {@code name}, in the order they came; empty when nobody is in it. */
    public synchronized List<Participant> participants(String name) {
        Room room = rooms.get(name);
        return room == null ? List.of() : List.copyOf(room.participants);
    }

    /** Mutes or unmutes participant {@code id} of room {@code name}; {@link NotFoundException} when not there. */
    public synchronized Participant mute(String name, long id, boolean muted) {
        Participant p = participant(name, id);
        p.muted(muted);
        return p;
    }

    /** Hangs participant {@code id} of room {@code name} up; {@link NotFoundException} when not there. */
    public synchronized void kick(String name, long id, String cause) {
        participant(name, id).kick(cause);
    }

    /** Mutes or unmutes everyone in {@code participant}'s room but the moderators (a moderator's key). */
    synchronized void muteOthers(Participant participant, boolean muted) {
        Room room = rooms.get(participant.room());
        if (room != null) {
            room.participants.stream().filter(p -> !p.moderator()).forEach(p -> p.muted(muted));
        }
    }

    /** Hangs up the last caller who came in and is not a moderator (a moderator's key); false when there is none. */
    synchronized boolean kickLast(Participant by) {
        Room room = rooms.get(by.room());
        if (room == null) {
            return false;
        }
        for (int i = room.participants.size() - 1; i >= 0; i--) {
            Participant p = room.participants.get(i);
            if (!p.moderator()) {
                p.kick("kicked from conference by " + by.caller());
                return true;
            }
        }
        return false;
    }

    private Participant participant(String name, long id) {
        Room room = rooms.get(name);
        Optional<Participant> found = room == null ? Optional.empty()
                : room.participants.stream().filter(p -> p.id() == id).findFirst();
        return found.orElseThrow(() -> new NotFoundException("participant", name + "/" + id));
    }

    private Room open(String name, NewConferenceRoom settings) {
        if (mixers == null) {
            throw new IllegalStateException("conference mixers are not available before SIP starts");
        }
        Mixer mixer = mixers.apply(name);
        mixer.limitTalkers(TALKERS);
        if (settings.record()) {
            Path file = recordings.resolve(name + "-" + FILE_TIME.format(clock.instant()) + ".wav");
            mixer.record(new WavRecorder(file));
            log.info("conference {} recording to {}", name, file);
        }
        Room room = new Room(mixer);
        rooms.put(name, room);
        log.info("conference {} started", name);
        return room;
    }

    private void seat(Room room, Participant joining, NewConferenceRoom settings) {
        if (settings.tones()) {
            room.participants.stream().filter(Participant::seated).forEach(p -> p.hear(JOIN_TONE.source()));
        }
        joining.seat(room.mixer);
        log.info("conference {} caller={} joined moderator={}", joining.room(), joining.caller(), joining.moderator());
    }
}
