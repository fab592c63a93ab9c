package org.switchboard.pbx.milliwatt;

import java.time.Duration;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.PbxLegListener;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.Fields;

/**
 * Destination kind {@code milliwatt}: the PBX answers the call itself and plays the 1004 Hz
 * milliwatt test tone for the number of seconds the rule's target names (1 to 3600), then hangs up
 * (cause {@code milliwatt finished}); any key the caller presses ends it at once (cause
 * {@code milliwatt ended by key <digit>}). Stateless; each call gets its own {@link Line}.
 */
public final class MilliwattApplication implements Application {
    /** The test tone: 1004 Hz, the frequency test lines use because it is no submultiple of 8 kHz. */
    static final double FREQUENCY_HZ = 1004;
    /** Half of full scale: loud enough to measure, clear of G.711 clipping. */
    private static final double LEVEL = 0.5;
    private static final int MAX_SECONDS = 3600;

    /** The kind rules name: {@code "action": "milliwatt", "target": "<seconds>"}. */
    public static final ApplicationKind KIND = new ApplicationKind("milliwatt",
            "answers and plays the 1004 Hz milliwatt test tone for the seconds the target names (1 to 3600), "
                    + "then hangs up; a key ends it early",
            target -> Fields.check(target.matches("[0-9]{1,4}") && seconds(target) >= 1 && seconds(target) <= MAX_SECONDS,
                    "target", "must be the seconds to play, 1 to " + MAX_SECONDS));

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        call.answer(new Line(Duration.ofSeconds(seconds(destination.target()))));
    }

    private static int seconds(String target) {
        return Integer.parseInt(target);
    }

    /** One caller on the test line. Owned by the call's executor. */
    private static final class Line implements PbxLegListener {
        private final Duration length;
        private long playback = -1;

        Line(Duration length) {
            this.length = length;
        }

        @Override
        public void answered(PbxLeg leg) {
            playback = leg.play(AudioClip.tone(FREQUENCY_HZ, LEVEL, length).source());
        }

        @Override
        public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
            if (playbackId == playback && reason == PlaybackEnd.COMPLETED) {
                leg.hangUp("milliwatt finished");
            }
        }

        @Override
        public void dtmf(PbxLeg leg, char digit) {
            leg.hangUp("milliwatt ended by key " + digit);
        }
    }
}
