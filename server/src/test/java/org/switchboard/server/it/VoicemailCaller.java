package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.sip.testkit.Sipp;

/**
 * SIPp callers of a node's voicemail (docs/voicemail.md, "Calls"): extensions with one digest
 * password dialling from SIPp, their media a {@link TalkingPhoneMedia} socket; a talking caller says
 * {@link #TONE_HZ} from the PBX's first packet on. Used by one test thread.
 */
final class VoicemailCaller {
    /** The caller's voice. */
    static final double TONE_HZ = 1000;
    /** The beep after the greeting, before the recording starts. */
    static final Duration BEEP = Duration.ofMillis(300);

    private final int sipPort;
    private final String password;

    /** Callers of the node whose SIP port is {@code sipPort}, all with the digest password {@code password}. */
    VoicemailCaller(int sipPort, String password) {
        this.sipPort = sipPort;
        this.password = password;
    }

    /**
     * {@code caller} dials {@code dialled}, talks the tone from the PBX's first packet on and hangs up
     * after {@code callLength}; what it heard from the PBX.
     */
    short[] talk(String caller, String dialled, Duration callLength) throws Exception {
        try (TalkingPhoneMedia phone = TalkingPhoneMedia.talking(TONE_HZ)) {
            talking(caller, dialled, phone).option("-d", Long.toString(callLength.toMillis())).run()
                    .assertAllCallsSucceeded(caller + " dials " + dialled + ", talks and hangs up after " + callLength);
            assertThat(phone.sent()).as("the phone talked back to the PBX's audio").isPositive();
            return phone.heard();
        }
    }

    /** The SIPp run of {@code caller} dialling {@code dialled} with {@code uac_voicemail_talk.xml}; add its {@code -d}. */
    Sipp talking(String caller, String dialled, TalkingPhoneMedia phone) {
        return scenario("uac_voicemail_talk.xml", caller, dialled, phone);
    }

    /** A SIPp run of {@code scenario} as {@code caller} dialling {@code dialled}, its SDP naming {@code phone}'s port, PCMU. */
    Sipp scenario(String scenario, String caller, String dialled, TalkingPhoneMedia phone) {
        return Sipp.scenario(scenario).target(sipPort)
                .option("-s", dialled, "-au", caller, "-ap", password, "-auth_uri", dialled + "@127.0.0.1:" + sipPort)
                .key("caller", caller).key("caller_name", "Carol Caller").key("sdp_ip", "127.0.0.1").key("codec", "0")
                .key("rtp_port", Integer.toString(phone.port()));
    }

    /** How long box {@code box}'s spoken greeting lasts: "extension", its digits, "not available", "leave a message". */
    static Duration defaultGreeting(String box) {
        return Stream.of(SystemPrompts.get("extension"), SystemPrompts.digits(box), SystemPrompts.get("not-available"),
                SystemPrompts.get("leave-message")).map(AudioClip::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** How long into a call to box {@code box} its caller has talked {@code afterBeep} past the beep. */
    static Duration untilAfterBeep(String box, Duration afterBeep) {
        return defaultGreeting(box).plus(BEEP).plus(afterBeep);
    }
}
