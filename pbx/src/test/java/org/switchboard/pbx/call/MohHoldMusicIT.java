package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.call.CallIT.startCallee;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.moh.MohService;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.moh.JdbiMohStore;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.moh.PlayOrder;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Music on hold end to end with real SIPp phones and the real {@link MohService}: 1071's call settings
 * choose class {@code tones}, whose one uploaded file is a 500 Hz tone (the default class plays 1200 Hz);
 * while 1071 holds (sendonly re-INVITE) the held 1072 gets that class's music at the RTP port it
 * signalled, and resume stops it (the caller sends no audio, so every packet 1072 got is music).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MohHoldMusicIT {
    private static final double CLASS_HZ = 500;
    private static final double DEFAULT_HZ = 1200;

    @TempDir
    static Path dataDir;

    @AutoClose
    private CallHarness pbx;
    private MohService moh;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    void start() {
        // call control asks for the music when a hold starts, long after the service below exists
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30),
                heldBy -> moh.forHold(heldBy));
        pbx.addExtensions("1071", "1072");
        moh = new MohService(new JdbiMohStore(pbx.db.database()), dataDir.resolve("moh"), pbx.callSettings::current,
                new EventBus(), Clock.systemUTC(), meters);
        moh.create(new NewMohClass("default", null, PlayOrder.SEQUENTIAL), "test");
        moh.upload("default", "default.wav", AudioClip.tone(DEFAULT_HZ, 0.5, Duration.ofSeconds(3)).toWav(), "test");
        moh.create(new NewMohClass("tones", null, PlayOrder.SEQUENTIAL), "test");
        moh.upload("tones", "tone.wav", AudioClip.tone(CLASS_HZ, 0.5, Duration.ofSeconds(3)).toWav(), "test");
        pbx.callSettings.update("1071", new NewCallSettings(Forwarding.OFF, Forwarding.OFF, Forwarding.OFF, 20, false,
                "tones"), "test");
    }

    @Test
    void theHeldPartyHearsTheMusicOfTheClassTheHolderChose() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1072", calleePort);
        short[] heard;
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_hold.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "0"), calleePort);
            pbx.caller("uac_hold.xml", "1071", "1072").key("sdp_ip", "127.0.0.1").key("codec", "0").run()
                    .assertAllCallsSucceeded("1071 holds for 1.5 s, resumes, hangs up");
            callee.awaitResult().assertAllCallsSucceeded("1072 is held, resumed, hung up");
            assertThat(calleeMedia.received(0)).as("PCMU packets the held 1072 got in 1.5 s of hold (the caller sends none)")
                    .isBetween(40, 90);
            heard = calleeMedia.pcmuAudio();
        }
        int middle = heard.length / 2;
        assertThat(new Goertzel(CLASS_HZ, 8000).relativePower(heard, middle, 800)).as("the class's 500 Hz at the held phone")
                .isGreaterThan(0.8);
        assertThat(new Goertzel(DEFAULT_HZ, 8000).relativePower(heard, middle, 800)).as("not the default class")
                .isLessThan(0.1);
        assertThat(meters.counter("switchboard.moh.holds", "class", "tones").count()).as("holds counted for the class")
                .isEqualTo(1);
        pbx.awaitPortsFree();
    }
}
