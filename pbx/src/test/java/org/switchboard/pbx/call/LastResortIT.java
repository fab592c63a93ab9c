package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.call.CallIT.assertFinalResponse;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Calls an extension cannot take going to its last resort, as voicemail will take them: a test
 * last resort sends 1111-1114's failed calls to a test application kind, which answers, plays half
 * a second of tone and hangs up naming the box and the reason it was told. Real SIPp phones:
 * unregistered, do-not-disturb, busy (486) and unanswered (the extension's 5 s ring time); the
 * caller is answered by the application with the 180's To tag and hears its audio; the CDR is the
 * application's, from the first INVITE on. Extensions without a last resort still give 480 and 486.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LastResortIT {
    private static final Set<String> WITH_LAST_RESORT = Set.of("1111", "1112", "1113", "1114");

    private final CompletableFuture<String> slowbox = new CompletableFuture<>();

    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        ExtensionLastResort lastResort = (extension, reason) -> extension.equals("1115")
                ? Optional.of(new Destination("slowbox", "box" + extension))
                : WITH_LAST_RESORT.contains(extension) ? Optional.of(new Destination("mailbox", "box" + extension)) : Optional.empty();
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30), HoldMusic.NONE,
                lastResort);
        pbx.addExtensions("1110", "1111", "1112", "1113", "1114", "1115", "1116", "1117", "1118");
        pbx.install(new ApplicationKind("mailbox", "answers for extensions that cannot", target -> { }), new Mailbox());
        // Answers three seconds after it got the call, as an application that loads something first.
        pbx.install(new ApplicationKind("slowbox", "answers late", target -> { }), (call, route) -> CompletableFuture.runAsync(
                () -> call.answer(new PbxLegListener() {
                    @Override
                    public void answered(PbxLeg leg) {
                        slowbox.complete("answered");
                    }

                    @Override
                    public void ended(String cause) {
                        slowbox.complete("ended: " + cause);
                    }
                }), CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS, call.executor())));
    }

    @Test
    void anUnregisteredExtensionsCallIsAnsweredByItsLastResortToldWhy() throws Exception {
        Cdr cdr = answeredByLastResort("1111");

        assertThat(cdr.hangupCause()).isEqualTo("mailbox box1111 for 1111: unregistered");
        assertThat(cdr.callee()).isEqualTo("1111");
    }

    @Test
    void aDoNotDisturbExtensionsCallGoesToItsLastResort() throws Exception {
        pbx.callSettings.update("1112", new NewCallSettings(Forwarding.OFF, Forwarding.OFF, Forwarding.OFF,
                NewCallSettings.DEFAULT_TIMEOUT_SECONDS, true), "test");

        assertThat(answeredByLastResort("1112").hangupCause()).isEqualTo("mailbox box1112 for 1112: do_not_disturb");
    }

    @Test
    void aBusyExtensionsCallIsHandedOverWhileStillUnanswered() throws Exception {
        int phone = FreePorts.udpAndTcp();
        pbx.register("1113", phone);
        Sipp.Running busy = startCallee(Sipp.scenario("uas_busy.xml").localPort(phone), phone);

        Cdr cdr = answeredByLastResort("1113");

        busy.awaitResult().assertAllCallsSucceeded("1113 answers 486");
        assertThat(cdr.hangupCause()).isEqualTo("mailbox box1113 for 1113: busy");
    }

    @Test
    void anUnansweredExtensionsCallGoesToItsLastResortAfterItsRingTime() throws Exception {
        pbx.callSettings.update("1114", new NewCallSettings(Forwarding.OFF, Forwarding.OFF, Forwarding.OFF, 5, false), "test");
        int phone = FreePorts.udpAndTcp();
        pbx.register("1114", phone);
        Sipp.Running ringing = startCallee(Sipp.scenario("uas_ring.xml").localPort(phone), phone);
        long started = System.nanoTime();

        Cdr cdr = answeredByLastResort("1114");

        ringing.awaitResult().assertAllCallsSucceeded("1114 rings, is cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the extension's ring time").isGreaterThan(Duration.ofSeconds(5));
        assertThat(cdr.hangupCause()).isEqualTo("mailbox box1114 for 1114: no_answer");
        assertThat(cdr.startedAt()).isBefore(cdr.answeredAt()).as("the record starts at the first INVITE");
        assertThat(Duration.between(cdr.startedAt(), cdr.answeredAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aCallerWhoCancelsBeforeTheApplicationAnswersIsNotAnswered() throws Exception {
        pbx.callSettings.update("1115", new NewCallSettings(Forwarding.OFF, Forwarding.OFF, Forwarding.OFF, 5, false), "test");
        int phone = FreePorts.udpAndTcp();
        pbx.register("1115", phone);
        Sipp.Running ringing = startCallee(Sipp.scenario("uas_ring.xml").localPort(phone), phone);

        pbx.caller("uac_cancel_late.xml", "1110", "1115").key("sdp_ip", "127.0.0.1").key("codec", "0").run()
                .assertAllCallsSucceeded("1110 cancels after the ring time, before the application answers: 200, 487");
        ringing.awaitResult().assertAllCallsSucceeded("1115 rings, is cancelled");

        assertThat(slowbox.get(5, TimeUnit.SECONDS)).as("the late answer").isEqualTo("ended: CANCEL from caller");
        Cdr cdr = pbx.awaitCdrsOf("1115", 1).getFirst();
        assertThat(cdr.disposition()).isEqualTo(Disposition.CANCELLED);
        assertThat(cdr.hangupCause()).isEqualTo("CANCEL from caller");
        pbx.awaitPortsFree();
    }

    @Test
    void aFeatureCodeRefusedOnAVirtualThreadLeavesNoCallAndNoRecord() throws Exception {
        Sipp.Result caller = pbx.caller("uac_refused.xml", "1118", "*78").key("sdp_ip", "127.0.0.1").key("codec", "0").run();

        caller.assertAllCallsSucceeded("1118 dials *78 and gets 603");
        assertFinalResponse(caller, 603);
        assertThat(pbx.callSettings.current("1118").values().doNotDisturb()).isTrue();
        assertThat(pbx.calls.list().join()).as("calls in progress").isEmpty();
        assertThat(pbx.cdrsOf("1118")).isZero();
    }

    @Test
    void withoutALastResortTheCallerStillGets480And486() throws Exception {
        pbx.caller("uac_refused.xml", "1110", "1116").key("sdp_ip", "127.0.0.1").key("codec", "0").run()
                .assertAllCallsSucceeded("1110 calls unregistered 1116");
        int phone = FreePorts.udpAndTcp();
        pbx.register("1117", phone);
        Sipp.Running busy = startCallee(Sipp.scenario("uas_busy.xml").localPort(phone), phone);
        Sipp.Result caller = pbx.caller("uac_refused.xml", "1110", "1117").key("sdp_ip", "127.0.0.1").key("codec", "0").run();
        caller.assertAllCallsSucceeded("1110 calls busy 1117");
        busy.awaitResult().assertAllCallsSucceeded("1117 answers 486");
        assertFinalResponse(caller, 486);
        assertThat(pbx.awaitCdrsOf("1116", 1).getFirst().hangupCause()).startsWith("480 ");
        assertThat(pbx.awaitCdrsOf("1117", 1).getFirst().disposition()).isEqualTo(Disposition.BUSY);
        pbx.awaitPortsFree();
    }

    /** 1110 calls {@code extension}, is answered by the mailbox application and hears its tone; its one CDR. */
    private Cdr answeredByLastResort(String extension) throws Exception {
        try (RtpSink media = new RtpSink()) {
            pbx.caller("uac_pbx_answers.xml", "1110", extension).key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .key("rtp_port", Integer.toString(media.port())).run()
                    .assertAllCallsSucceeded("1110 calls " + extension + ", is answered by the PBX and gets its BYE");
            assertThat(media.received(0)).as("PCMU packets of the application's tone").isBetween(15, 35);
        }
        pbx.awaitPortsFree();
        var cdrs = pbx.awaitCdrsOf(extension, 1);
        assertThat(cdrs).hasSize(1);
        assertThat(cdrs.getFirst().disposition()).isEqualTo(Disposition.ANSWERED);
        return cdrs.getFirst();
    }

    /** Answers, plays half a second of tone, and hangs up naming the box and the reason it got. */
    private static final class Mailbox implements Application {
        @Override
        public void start(IncomingCall call, Route.ToApplication destination) {
            String cause = "mailbox " + destination.target() + " for " + call.dialled() + ": "
                    + destination.argument().orElse("?");
            call.answer(new PbxLegListener() {
                @Override
                public void answered(PbxLeg leg) {
                    leg.play(AudioClip.tone(440, 0.3, Duration.ofMillis(500)).source());
                }

                @Override
                public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
                    leg.hangUp(cause);
                }
            });
        }
    }
}
