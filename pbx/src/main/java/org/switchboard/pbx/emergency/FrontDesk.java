package org.switchboard.pbx.emergency;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.call.CallControl;
import org.switchboard.pbx.call.OriginateLeg;
import org.switchboard.pbx.call.OriginatedLegListener;
import org.switchboard.pbx.call.PbxLeg;

/**
 * Rings the front desk's extension when an emergency call starts (CallControl's originate): its
 * phones show the caller's number and {@code 911 call: Alice (1001)} as the name, so whoever picks
 * up knows at once who needs help and can go there or meet the responders; on answer the PBX plays
 * an alert tone and hangs up. Any thread may call {@link #ring}; the listener runs on the
 * originated call's executor. Rings nothing until SIP runs ({@link #attach}).
 */
public final class FrontDesk {
    private static final Logger log = LoggerFactory.getLogger(FrontDesk.class);
    static final Duration RING_TIME = Duration.ofSeconds(60);
    /** Two-tone alert (960 Hz / 770 Hz, a European siren's pitches), three times. */
    static final AudioClip ALERT = AudioClip.concat(List.of(
            AudioClip.tone(960, 0.3, Duration.ofMillis(400)), AudioClip.tone(770, 0.3, Duration.ofMillis(400)),
            AudioClip.tone(960, 0.3, Duration.ofMillis(400)), AudioClip.tone(770, 0.3, Duration.ofMillis(400)),
            AudioClip.tone(960, 0.3, Duration.ofMillis(400)), AudioClip.tone(770, 0.3, Duration.ofMillis(400))));

    private final AtomicReference<CallControl> calls = new AtomicReference<>();

    /** Starts ringing through {@code control} (once SIP runs). */
    public void attach(CallControl control) {
        calls.set(control);
    }

    /** Rings {@code extension} about {@code notice}. */
    void ring(String extension, EmergencyNotice notice) {
        CallControl control = calls.get();
        if (control == null) {
            log.warn("front desk not rung: SIP is not running extension={}", extension);
            return;
        }
        String name = notice.number() + " call: " + notice.who();
        control.originate(new OriginateLeg(new OriginateLeg.Target.Extension(extension), notice.extension(), name,
                "emergency " + notice.number() + " from " + notice.extension(), RING_TIME, false), new Alert(extension));
    }

    private record Alert(String desk) implements OriginatedLegListener {
        @Override
        public void answered(PbxLeg leg) {
            leg.play(ALERT.source());
        }

        @Override
        public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
            leg.hangUp("emergency alert played");
        }

        @Override
        public void failed(PbxLeg leg, int status, String reason) {
            log.warn("front desk not reached extension={} status={} reason={}", desk, status, reason);
        }
    }
}
