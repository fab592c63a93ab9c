package org.switchboard.pbx.moh;

import java.util.Arrays;
import java.util.Optional;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.SharedSource;

/**
 * The one stream of a music-on-hold class: its files decoded once into one looped clip, read by every
 * listener at the shared position ({@link SharedSource}: the media clock's tick), so a thousand held
 * parties cost one copy of the audio and no decoding. When the class's files change the stream switches
 * to the new clip and every listener already playing hears it from the next frame.
 *
 * <p>Thread-safe: {@link #play} is written by the thread that reloaded the class, listeners read it on
 * the media event loops through a volatile field.
 */
final class ClassStream {
    private volatile AudioSource shared; // null while the class has no audio

    /** Plays {@code music} from now on; empty for a class without files (its listeners hear silence). */
    void play(Optional<AudioClip> music) {
        shared = music.map(clip -> new SharedSource(clip).listener()).orElse(null);
    }

    /** Whether the class has audio to play. */
    boolean hasMusic() {
        return shared != null;
    }

    /** A listener for one held party: it reads whatever the class plays now, at the shared position. */
    AudioSource listener() {
        return (frame, tick) -> {
            AudioSource now = shared;
            if (now == null) {
                Arrays.fill(frame, (short) 0);
                return true;
            }
            return now.read(frame, tick);
        };
    }
}
