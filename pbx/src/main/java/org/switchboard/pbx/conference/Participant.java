package org.switchboard.pbx.conference;

import java.time.Instant;
import java.util.concurrent.Executor;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.pbx.call.PbxLeg;

/**
 * One caller in a room: who, since when, as moderator or not, muted or not, and its leg. The leg is driven only on
 * the call's executor, so every order for it from elsewhere (another caller's key, the API) is posted there.
 *
 * <p>{@link #muted} and {@link #seated} are changed under {@link LiveConferences}' lock and read by anyone.
 */
public final class Participant {
    private final long id;
    private final String room;
    private final PbxLeg leg;
    private final Executor executor;
    private final boolean moderator;
    private final Instant joinedAt;
    private volatile boolean muted;
    private volatile boolean seated;

    Participant(long id, String room, PbxLeg leg, Executor executor, boolean moderator, Instant joinedAt) {
        this.id = id;
        this.room = room;
        this.leg = leg;
        this.executor = executor;
        this.moderator = moderator;
        this.joinedAt = joinedAt;
    }

    /** Its number on this node, the key of the API's participant resources. */
    public long id() {
        return id;
    }

    /** The room's name. */
    public String room() {
        return room;
    }

    /** The extension that called. */
    public String caller() {
        return leg.caller();
    }

    /** The caller's display name, empty when its phone sent none. */
    public String callerName() {
        return leg.callerName();
    }

    public boolean moderator() {
        return moderator;
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public boolean muted() {
        return muted;
    }

    /** False while it waits for a moderator (it hears music and is not in the mix yet). */
    public boolean seated() {
        return seated;
    }

    void muted(boolean value) {
        muted = value;
        executor.execute(() -> leg.muteInMixer(value));
    }

    /** Seats it in {@code mixer}: what it hears now is the room (a playing prompt or music stops). */
    void seat(Mixer mixer) {
        seated = true;
        boolean mute = muted;
        executor.execute(() -> {
            leg.stopPlayback();
            leg.joinMixer(mixer);
            if (mute) {
                leg.muteInMixer(true);
            }
        });
    }

    /** Plays a short sound (a join or leave tone) over the room for it; the mix resumes after. */
    void hear(AudioSource sound) {
        executor.execute(() -> leg.play(sound));
    }

    /** Hangs it up with {@code cause} (the CDR's hang-up cause). */
    void kick(String cause) {
        executor.execute(() -> leg.hangUp(cause));
    }
}
