package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.pbx.clicktodial.ClickToDial;
import org.switchboard.pbx.clicktodial.ClickToDialRequest;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Calls the PBX originates, with real SIPp phones: click-to-dial ({@link ClickToDial}, what {@code POST /api/calls}
 * runs) rings 1301 with the auto-answer headers and 1302 as the caller ID, sends the answered leg to 1302 through the
 * dial plan (1301 hears ringback meanwhile), RTP flows both ways through the relay, 1302's BYE ends both and one CDR
 * records it; a busy target gets 1303 a busy tone and the PBX's BYE, and the event stream a {@code failed 486};
 * requests the node cannot ring are refused naming the field. Two legs the PBX rang are bridged ({@link Bridge}) and
 * talk across codecs; unbridged they no longer hear each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OriginateIT {
    private final List<PbxEvent.OriginateProgress> progress = new CopyOnWriteArrayList<>();

    @AutoClose
    private CallHarness pbx;
    private ClickToDial clickToDial;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        pbx.addExtensions("1301", "1302", "1303", "1304", "1305", "1306", "1307", "1308", "1310", "1311", "1312");
        pbx.events.subscribe("originate-test", EventBus.Delivery.LOSSLESS, 100, event -> {
            if (event instanceof PbxEvent.OriginateProgress p) {
                progress.add(p);
            }
        });
        clickToDial = new ClickToDial(pbx.calls, pbx.extensions(), pbx.events, Clock.systemUTC());
    }

    @Test
    void clickToDialRingsTheExtensionThenBridgesItToTheTarget() throws Exception {
        int fromPhone = FreePorts.udpAndTcp();
        int toPhone = FreePorts.udpAndTcp();
        pbx.register("1301", fromPhone);
        pbx.register("1302", toPhone);
        try (RtpSink fromMedia = new RtpSink(); RtpSink toMedia = new RtpSink()) {
            Sipp.Running from = startCallee(Sipp.scenario("uas_auto_answer.xml").localPort(fromPhone)
                    .key("rtp_port", Integer.toString(fromMedia.port())).key("codec", "0"), fromPhone);
            Sipp.Running to = startCallee(Sipp.scenario("uas_ring_answer_hangup.xml").localPort(toPhone)
                    .key("rtp_port", Integer.toString(toMedia.port())).key("codec", "0"), toPhone);

            String id = clickToDial.dial(new ClickToDialRequest("1301", "1302", true, Optional.empty()));

            await().atMost(Duration.ofSeconds(10)).until(() -> stagesOf(id).contains("connected"));
            CallSnapshot bridged = pbx.calls.find(id).join().orElseThrow();
            assertThat(bridged.state()).isEqualTo(CallState.ANSWERED);
            assertThat(bridged.caller()).isEqualTo("1301");
            assertThat(bridged.legs()).extracting(LegSnapshot::party).containsExactly("1301", "1302");
            assertThat(fromMedia.received(0)).as("PCMU ringback while 1302 rang for a second").isGreaterThan(20);
            fromMedia.sendPcma(relayPort(bridged.legs().get(0)), 20);
            toMedia.sendPcma(relayPort(bridged.legs().get(1)), 20);
            await().atMost(Duration.ofSeconds(3)).until(() -> toMedia.received(8) >= 20 && fromMedia.received(8) >= 20);

            to.awaitResult().assertAllCallsSucceeded("1302 rings, answers, hangs up");
            from.awaitResult().assertAllCallsSucceeded("1301 is asked to answer by itself, answers, gets the BYE");
            Cdr cdr = pbx.awaitCdrOf("1301");
            assertThat(cdr.callId()).isEqualTo(id);
            assertThat(cdr.callee()).isEqualTo("1302");
            assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
            assertThat(cdr.hangupCause()).isEqualTo("BYE from callee");
            assertThat(cdr.codec()).isEqualTo("PCMU");
            assertThat(pbx.cdrsOf("1301")).isEqualTo(1);
            assertThat(stagesOf(id)).containsExactly("ringing", "answered", "connected");
        }
        pbx.awaitPortsFree();
    }

    @Test
    void theExtensionsByeEndsTheClickToDialForBoth() throws Exception {
        int fromPhone = FreePorts.udpAndTcp();
        int toPhone = FreePorts.udpAndTcp();
        pbx.register("1307", fromPhone);
        pbx.register("1308", toPhone);
        try (RtpSink fromMedia = new RtpSink(); RtpSink toMedia = new RtpSink()) {
            Sipp.Running from = startCallee(Sipp.scenario("uas_auto_answer_hangup.xml").localPort(fromPhone)
                    .key("rtp_port", Integer.toString(fromMedia.port())).key("codec", "8"), fromPhone);
            Sipp.Running to = startCallee(Sipp.scenario("uas_answer.xml").localPort(toPhone)
                    .key("rtp_port", Integer.toString(toMedia.port())).key("codec", "8"), toPhone);

            String id = clickToDial.dial(new ClickToDialRequest("1307", "1308", true, Optional.of("1302")));

            from.awaitResult().assertAllCallsSucceeded("1307 answers, hangs up three seconds later");
            to.awaitResult().assertAllCallsSucceeded("1308 answers, gets the PBX's BYE");
            Cdr cdr = pbx.awaitCdrOf("1307");
            assertThat(cdr.callId()).isEqualTo(id);
            assertThat(cdr.callee()).isEqualTo("1308");
            assertThat(cdr.hangupCause()).isEqualTo("BYE from caller");
            assertThat(cdr.codec()).isEqualTo("PCMA");
        }
        pbx.awaitPortsFree();
    }

    @Test
    void aBusyTargetGivesTheExtensionABusyToneAndReportsTheStatus() throws Exception {
        int fromPhone = FreePorts.udpAndTcp();
        int toPhone = FreePorts.udpAndTcp();
        pbx.register("1303", fromPhone);
        pbx.register("1304", toPhone);
        try (RtpSink fromMedia = new RtpSink()) {
            Sipp.Running from = startCallee(Sipp.scenario("uas_auto_answer.xml").localPort(fromPhone)
                    .key("rtp_port", Integer.toString(fromMedia.port())).key("codec", "0"), fromPhone);
            Sipp.Running busy = startCallee(Sipp.scenario("uas_busy.xml").localPort(toPhone), toPhone);

            // The caller ID named explicitly: 1303's phone checks it sees 1302 calling.
            String id = clickToDial.dial(new ClickToDialRequest("1303", "1304", true, Optional.of("1302")));

            busy.awaitResult().assertAllCallsSucceeded("1304 answers 486");
            from.awaitResult().assertAllCallsSucceeded("1303 answers, hears the busy tone, gets the PBX's BYE");
            assertThat(fromMedia.received(0)).as("three seconds of PCMU busy tone").isGreaterThan(100);
            Cdr cdr = pbx.awaitCdrOf("1303");
            assertThat(cdr.callId()).isEqualTo(id);
            assertThat(cdr.hangupCause()).isEqualTo("click-to-dial to 1304 failed: 486 Busy Here");
            assertThat(stagesOf(id)).containsExactly("ringing", "answered", "failed");
            assertThat(progress).filteredOn(p -> p.callId().equals(id) && p.stage().equals("failed"))
                    .singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(486));
        }
        pbx.awaitPortsFree();
    }

    @Test
    void requestsTheNodeCannotRingAreRefusedNamingTheField() throws Exception {
        assertThatThrownBy(() -> clickToDial.dial(new ClickToDialRequest("1399", "1302", false, Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> clickToDial.dial(new ClickToDialRequest("1305", "1302", false, Optional.empty())))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("from");
                    assertThat(e.getMessage()).contains("no registered phone");
                });
        pbx.register("1306", FreePorts.udpAndTcp());
        assertThatThrownBy(() -> clickToDial.dial(new ClickToDialRequest("1306", "1399", false, Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> clickToDial.dial(new ClickToDialRequest("1306", "12<3", false, Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> clickToDial.dial(new ClickToDialRequest("1306", "1302", false, Optional.of("\"x\""))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("caller_id"));
    }

    @Test
    void twoLegsThePbxRangTalkWhenBridgedAndNoLongerOnceUnbridged() throws Exception {
        int firstPhone = FreePorts.udpAndTcp();
        int secondPhone = FreePorts.udpAndTcp();
        pbx.register("1311", firstPhone);
        pbx.register("1312", secondPhone);
        Map<String, PbxLeg> answered = new ConcurrentHashMap<>();
        try (RtpSink firstMedia = new RtpSink(); RtpSink secondMedia = new RtpSink()) {
            Sipp.Running first = startCallee(Sipp.scenario("uas_answer.xml").localPort(firstPhone)
                    .key("rtp_port", Integer.toString(firstMedia.port())).key("codec", "8"), firstPhone);
            Sipp.Running second = startCallee(Sipp.scenario("uas_answer.xml").localPort(secondPhone)
                    .key("rtp_port", Integer.toString(secondMedia.port())).key("codec", "0"), secondPhone);
            String firstId = originate("1311", answered);
            String secondId = originate("1312", answered);
            await().atMost(Duration.ofSeconds(10)).until(() -> answered.size() == 2);

            Bridge bridge = Bridge.open(answered.get("1311"), answered.get("1312"));
            await().atMost(Duration.ofSeconds(3)).until(() -> bridge.size().join() == 2);
            InetSocketAddress firstRelay = relayPort(pbx.calls.find(firstId).join().orElseThrow().legs().getFirst());
            firstMedia.sendPcma(firstRelay, 50);
            await().atMost(Duration.ofSeconds(5)).until(() -> loudSamples(secondMedia.pcmuAudio()) > 1000);

            bridge.unbridge().join();
            Thread.sleep(300); // the mix already on its way (the endpoint's ring holds 160 ms) still arrives
            long heardBefore = loudSamples(secondMedia.pcmuAudio());
            firstMedia.sendPcma(firstRelay, 50);
            Thread.sleep(1000); // what 1311 says now must not reach 1312: longer than it took when bridged
            assertThat(loudSamples(secondMedia.pcmuAudio())).as("nothing of 1311 reaches 1312 once unbridged")
                    .isEqualTo(heardBefore);

            pbx.calls.hangUp(firstId, "test").join();
            pbx.calls.hangUp(secondId, "test").join();
            first.awaitResult().assertAllCallsSucceeded("1311 answers the PBX and gets its BYE");
            second.awaitResult().assertAllCallsSucceeded("1312 answers the PBX and gets its BYE");
        }
        assertThat(pbx.awaitCdrOf("1311").hangupCause()).isEqualTo("hung up by test");
        pbx.awaitPortsFree();
    }

    @Test
    void anExtensionWithoutAPhoneFailsTheOriginateWith480() {
        Map<String, String> failures = new ConcurrentHashMap<>();
        String id = pbx.calls.originate(new OriginateLeg(new OriginateLeg.Target.Extension("1305"), "1300", "", "test",
                Duration.ofSeconds(5), false), new OriginatedLegListener() {
                    @Override
                    public void answered(PbxLeg leg) {}

                    @Override
                    public void failed(PbxLeg leg, int status, String reason) {
                        failures.put(leg.caller(), status + " " + reason);
                    }
                });

        Cdr cdr = pbx.awaitCdrOf("1305");
        assertThat(cdr.callId()).isEqualTo(id);
        assertThat(cdr.disposition()).isEqualTo(Disposition.FAILED);
        assertThat(cdr.hangupCause()).isEqualTo("no registered phone");
        assertThat(failures).containsEntry("1305", "480 Temporarily Unavailable");
        pbx.awaitPortsFree();
    }

    @Test
    void anOriginateHungUpWhileItRingsIsCancelled() throws Exception {
        int phone = FreePorts.udpAndTcp();
        pbx.register("1310", phone);
        Map<String, String> failures = new ConcurrentHashMap<>();
        Sipp.Running ringing = startCallee(Sipp.scenario("uas_ring.xml").localPort(phone), phone);

        String id = pbx.calls.originate(new OriginateLeg(new OriginateLeg.Target.Extension("1310"), "1300", "", "test",
                Duration.ofSeconds(10), false), new OriginatedLegListener() {
                    @Override
                    public void answered(PbxLeg leg) {}

                    @Override
                    public void failed(PbxLeg leg, int status, String reason) {
                        failures.put(leg.caller(), Integer.toString(status));
                    }
                });
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.calls.find(id).join()
                .filter(c -> c.state() == CallState.RINGING).isPresent());
        assertThat(pbx.calls.hangUp(id, "test").join()).isTrue();

        ringing.awaitResult().assertAllCallsSucceeded("1310 rings and is cancelled");
        Cdr cdr = pbx.awaitCdrOf("1310");
        assertThat(cdr.disposition()).isEqualTo(Disposition.CANCELLED);
        assertThat(cdr.hangupCause()).isEqualTo("hung up by test");
        assertThat(failures).containsEntry("1310", "487");
        pbx.awaitPortsFree();
    }

    @Test
    void aSipUriWithAnIpHostIsRungWithoutARegistration() throws Exception {
        int phone = FreePorts.udpAndTcp();
        Map<String, PbxLeg> answered = new ConcurrentHashMap<>();
        try (RtpSink media = new RtpSink()) {
            Sipp.Running rung = startCallee(Sipp.scenario("uas_answer.xml").localPort(phone)
                    .key("rtp_port", Integer.toString(media.port())).key("codec", "0"), phone);

            String id = pbx.calls.originate(new OriginateLeg(new OriginateLeg.Target.Uri(SipUri.parse("sip:1309@127.0.0.1:" + phone)),
                    "1300", "", "uri test", Duration.ofSeconds(5), false), leg -> answered.put(leg.caller(), leg));

            await().atMost(Duration.ofSeconds(10)).until(() -> answered.containsKey("1309"));
            pbx.calls.hangUp(id, "test").join();
            rung.awaitResult().assertAllCallsSucceeded("the phone at the URI answers and gets the BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1309");
        assertThat(cdr.callee()).isEqualTo("uri test");
        assertThat(cdr.callerAddress()).isEqualTo("127.0.0.1:" + phone);
        pbx.awaitPortsFree();
    }

    /** Rings {@code extension} from the PBX; its leg goes into {@code answered} when it answers. */
    private String originate(String extension, Map<String, PbxLeg> answered) {
        return pbx.calls.originate(new OriginateLeg(new OriginateLeg.Target.Extension(extension), "1300", "Test", "bridge",
                Duration.ofSeconds(5), false), leg -> answered.put(extension, leg));
    }

    private List<String> stagesOf(String callId) {
        return progress.stream().filter(p -> p.callId().equals(callId)).map(PbxEvent.OriginateProgress::stage).toList();
    }

    private static InetSocketAddress relayPort(LegSnapshot leg) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), leg.media().orElseThrow().localRtpPort());
    }

    private static long loudSamples(short[] pcm) {
        long loud = 0;
        for (short sample : pcm) {
            if (Math.abs(sample) > 1000) {
                loud++;
            }
        }
        return loud;
    }
}
