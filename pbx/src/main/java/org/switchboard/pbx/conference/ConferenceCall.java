package org.switchboard.pbx.conference;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.call.DigitCollection;
import org.switchboard.pbx.call.HoldMusic;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.PbxLegListener;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.store.conference.ConferenceRoom;
import org.switchboard.store.conference.NewConferenceRoom;

/**
 * One caller of a conference room: PIN (three tries), then the room; in it, its keys. Any caller: {@code 6}
 * mutes or unmutes itself. A moderator also: {@code 9} mutes or unmutes everyone else, {@code 3} hangs up the
 * last caller who came in. A {@code *} before a key is ignored, so {@code *6} works as phones label it.
 *
 * <p>Owned by the call's executor.
 */
final class ConferenceCall implements PbxLegListener {
    private static final int PIN_TRIES = 3;
    private static final DigitCollection PIN = new DigitCollection(16, Optional.of('#'), Duration.ofSeconds(15),
            Duration.ofSeconds(5));
    /** Uploaded under this name it is played to a caller the room has no place for; otherwise "goodbye". */
    static final String FULL_PROMPT = "conference-full";

    private final String roomName;
    private final ConferenceService rooms;
    private final LiveConferences live;
    private final Prompts prompts;
    private final HoldMusic music;
    private final Executor executor;
    private int tries;
    private Participant participant; // set once the room took the caller
    private boolean othersMuted;
    private long farewell = -1;
    private String farewellCause = "";
    private long holdPrompt = -1;

    ConferenceCall(String roomName, ConferenceService rooms, LiveConferences live, Prompts prompts, HoldMusic music,
            Executor executor) {
        this.roomName = roomName;
        this.rooms = rooms;
        this.live = live;
        this.prompts = prompts;
        this.music = music;
        this.executor = executor;
    }

    @Override
    public void answered(PbxLeg leg) {
        Optional<ConferenceRoom> room = rooms.find(roomName);
        if (room.isEmpty()) {
            leg.hangUp("conference " + roomName + " was deleted");
        } else if (room.get().values().asksForPin()) {
            askPin(leg, List.of());
        } else {
            enter(leg, room.get().values(), false);
        }
    }

    @Override
    public void digitsCollected(PbxLeg leg, DigitCollection.Result result) {
        Optional<ConferenceRoom> room = rooms.find(roomName);
        if (participant != null || farewell >= 0 || room.isEmpty()) {
            return;
        }
        NewConferenceRoom settings = room.get().values();
        String typed = result.digits();
        if (!settings.moderatorPin().isEmpty() && typed.equals(settings.moderatorPin())) {
            enter(leg, settings, true);
        } else if (typed.equals(settings.pin())) {
            enter(leg, settings, false);
        } else if (++tries >= PIN_TRIES) {
            leave(leg, List.of(prompts.get("pin-incorrect"), prompts.get("goodbye")), "conference PIN incorrect");
        } else {
            askPin(leg, List.of(prompts.get("pin-incorrect")));
        }
    }

    @Override
    public void dtmf(PbxLeg leg, char digit) {
        if (participant == null || !participant.seated()) {
            return;
        }
        switch (digit) {
            case '6' -> live.mute(roomName, participant.id(), !participant.muted());
            case '9' -> {
                if (participant.moderator()) {
                    othersMuted = !othersMuted;
                    live.muteOthers(participant, othersMuted);
                }
            }
            case '3' -> {
                if (participant.moderator()) {
                    live.kickLast(participant);
                }
            }
            default -> { }
        }
    }

    @Override
    public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
        if (playbackId == farewell) {
            leg.hangUp(farewellCause);
        } else if (playbackId == holdPrompt && reason == PlaybackEnd.COMPLETED && !participant.seated()) {
            // still no moderator: music until one comes (seating stops it)
            music.forHold(leg.caller()).ifPresent(leg::play);
        }
    }

    @Override
    public void ended(String cause) {
        if (participant != null) {
            rooms.find(roomName).ifPresentOrElse(r -> live.leave(participant, r.values().tones()),
                    () -> live.leave(participant, false));
        }
    }

    private void askPin(PbxLeg leg, List<AudioClip> before) {
        leg.play(AudioClip.concat(append(before, prompts.get("enter-pin"))).source());
        leg.collectDigits(PIN);
    }

    private void enter(PbxLeg leg, NewConferenceRoom settings, boolean moderator) {
        LiveConferences.Joined joined = live.join(roomName, settings, leg, executor, moderator);
        switch (joined.outcome()) {
            case FULL -> leave(leg, List.of(fullPrompt()), "conference full");
            case WAITING -> {
                participant = joined.participant().orElseThrow();
                holdPrompt = leg.play(prompts.get("please-hold").source());
            }
            case JOINED -> participant = joined.participant().orElseThrow();
        }
    }

    private AudioClip fullPrompt() {
        try {
            return prompts.get(FULL_PROMPT);
        } catch (IllegalArgumentException none) {
            return prompts.get("goodbye");
        }
    }

    private void leave(PbxLeg leg, List<AudioClip> words, String cause) {
        farewellCause = cause;
        farewell = leg.play(AudioClip.concat(words).source());
    }

    private static List<AudioClip> append(List<AudioClip> clips, AudioClip last) {
        return Stream.concat(clips.stream(), Stream.of(last)).toList();
    }
}
