package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.pbx.paging.IntercomApplication;
import org.switchboard.pbx.paging.PageApplication;
import org.switchboard.pbx.paging.Pager;
import org.switchboard.pbx.paging.PagingService;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.paging.JdbiPagingZoneStore;
import org.switchboard.store.paging.NewPagingZone;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Paging and intercom with SIPp phones (docs/paging.md). A page: 1401 dials 600, zone {@code floor} of 1411, 1412,
 * 1413 (registered, answering by themselves) and 1414 (no phone: skipped); every member's INVITE carries the
 * auto-answer headers and 1401 as the caller; what 1401's socket sends reaches every member, what the members send
 * never reaches 1401 (one way); 1401's BYE ends every leg. Intercom: 1402 dials {@code *80} + 1421, heard both
 * ways. Zone {@code short} (no beep, 5 s at most): 1403's page skips 1431, in a call, and ends by itself.
 * The test audio is full-scale negative PCMU, which the beep (a 1 kHz tone at 0.3) never reaches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingIT {
    private static final List<String> MEMBERS = List.of("1411", "1412", "1413");

    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        pbx.addExtensions("1401", "1402", "1403", "1411", "1412", "1413", "1414", "1421", "1431", "1432");
        PagingService zones = new PagingService(new JdbiPagingZoneStore(pbx.db.database()), pbx.extensions(),
                Clock.systemUTC(), pbx.events);
        zones.create(new NewPagingZone("floor", Optional.of("600"), List.of("1411", "1412", "1413", "1414"), true, 60),
                "test");
        zones.create(new NewPagingZone("short", Optional.of("601"), List.of("1431", "1432"), false, 5), "test");
        Pager pager = new Pager();
        pager.use(pbx.calls, pbx.endpoints::newMixer);
        pbx.install(PageApplication.kind(zones), new PageApplication(zones, pager));
        pbx.install(IntercomApplication.kind(), new IntercomApplication(pager));
        pbx.dialPlan.create(new NewDialPlanRule(40, "page", "600", new RuleAction("page"), "floor"), "test");
        pbx.dialPlan.create(new NewDialPlanRule(42, "page short", "601", new RuleAction("page"), "short"), "test");
        pbx.dialPlan.create(new NewDialPlanRule(41, "intercom", "\\*80(\\d+)", new RuleAction("intercom"), "$1"), "test");
    }

    @Test
    void aPageReachesEveryMemberOneWayAndTheCallersByeEndsEveryLeg() throws Exception {
        Map<String, RtpSink> media = new LinkedHashMap<>();
        Map<String, Sipp.Running> phones = new LinkedHashMap<>();
        try (RtpSink caller = new RtpSink()) {
            for (String member : MEMBERS) {
                RtpSink sink = new RtpSink();
                media.put(member, sink);
                phones.put(member, pagedPhone(member, sink));
            }
            Sipp.Running paging = pbx.caller("uac_pbx_answers_then_bye.xml", "1401", "600").key("sdp_ip", "127.0.0.1")
                    .key("codec", "0").key("rtp_port", Integer.toString(caller.port())).start();

            await().atMost(Duration.ofSeconds(10)).until(() -> answeredCalls().keySet().containsAll(MEMBERS));
            assertThat(answeredCalls()).as("1414 has no phone: skipped").doesNotContainKey("1414");
            Map<String, InetSocketAddress> relays = answeredCalls();
            // the caller is seated after the beep: it and the members talk until every member hears it
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                caller.sendPcmu(relays.get("1401"), 5);
                for (String member : MEMBERS) {
                    media.get(member).sendPcmu(relays.get(member), 5);
                }
                for (String member : MEMBERS) {
                    assertThat(fullScale(media.get(member).pcmuAudio())).as("%s hears the caller (%s packets in, relays %s)",
                            member, media.get(member).received(0), relays).isGreaterThan(1000);
                }
            });
            for (String member : MEMBERS) {
                assertThat(media.get(member).received(0)).as("%s got the page's RTP: the beep (0.4 s), then the caller", member)
                        .isGreaterThan(20);
            }
            assertThat(caller.received(0)).as("the caller gets RTP (the beep, then the muted members' silence)")
                    .isGreaterThan(20);
            assertThat(fullScale(caller.pcmuAudio())).as("nothing the members said reaches the caller").isZero();

            paging.awaitResult().assertAllCallsSucceeded("1401 pages, talks, hangs up");
            for (String member : MEMBERS) {
                phones.get(member).awaitResult().assertAllCallsSucceeded(member + " is paged, answers by itself, gets the BYE");
            }
        } finally {
            for (RtpSink sink : media.values()) {
                sink.close();
            }
        }
        assertThat(pbx.awaitCdrOf("1401").hangupCause()).isEqualTo("BYE from caller");
        for (String member : MEMBERS) {
            Cdr cdr = pbx.awaitCdrOf(member);
            assertThat(cdr.callee()).isEqualTo("600");
            assertThat(cdr.hangupCause()).isEqualTo("hung up by the page's caller");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.calls.list().join().isEmpty());
        pbx.awaitPortsFree();
    }

    @Test
    void intercomIsHeardBothWays() throws Exception {
        try (RtpSink caller = new RtpSink(); RtpSink callee = new RtpSink()) {
            Sipp.Running phone = pagedPhone("1421", callee);
            Sipp.Running calling = pbx.caller("uac_pbx_answers_then_bye.xml", "1402", "*801421").key("sdp_ip", "127.0.0.1")
                    .key("codec", "0").key("rtp_port", Integer.toString(caller.port())).start();

            await().atMost(Duration.ofSeconds(10)).until(() -> answeredCalls().containsKey("1421"));
            Map<String, InetSocketAddress> relays = answeredCalls();
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                caller.sendPcmu(relays.get("1402"), 5);
                callee.sendPcmu(relays.get("1421"), 5);
                assertThat(fullScale(callee.pcmuAudio())).as("1421 hears 1402").isGreaterThan(1000);
                assertThat(fullScale(caller.pcmuAudio())).as("1402 hears 1421").isGreaterThan(1000);
            });

            calling.awaitResult().assertAllCallsSucceeded("1402 calls *801421, talks, hangs up");
            phone.awaitResult().assertAllCallsSucceeded("1421 answers by itself and gets the BYE");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.calls.list().join().isEmpty());
        pbx.awaitPortsFree();
    }

    @Test
    void aBusyMemberIsSkippedAndAPageEndsAtItsMaximumDuration() throws Exception {
        try (RtpSink busyMedia = new RtpSink(); RtpSink freeMedia = new RtpSink(); RtpSink caller = new RtpSink()) {
            int busyPort = FreePorts.udpAndTcp();
            pbx.register("1431", busyPort);
            Sipp.Running busyPhone = CallIT.startCallee(Sipp.scenario("uas_answer.xml").localPort(busyPort)
                    .key("rtp_port", Integer.toString(busyMedia.port())).key("codec", "0"), busyPort);
            String busyCall = pbx.calls.originate(new OriginateLeg(new OriginateLeg.Target.Extension("1431"), "1400", "",
                    "busy", Duration.ofSeconds(5), false), leg -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> answeredCalls().containsKey("1431"));
            Sipp.Running freePhone = pagedPhone("1432", freeMedia);

            Sipp.Running paging = pbx.caller("uac_pbx_answers.xml", "1403", "601").key("sdp_ip", "127.0.0.1")
                    .key("codec", "0").key("rtp_port", Integer.toString(caller.port())).start();

            paging.awaitResult().assertAllCallsSucceeded("1403 pages 601 and is hung up after its 5 seconds");
            freePhone.awaitResult().assertAllCallsSucceeded("1432 is paged and gets the BYE");
            assertThat(pbx.calls.list().join()).as("1431, in a call, was not paged").extracting(CallSnapshot::id)
                    .containsExactly(busyCall);
            pbx.calls.hangUp(busyCall, "test").join();
            busyPhone.awaitResult().assertAllCallsSucceeded("1431's own call");
        }
        assertThat(pbx.awaitCdrOf("1403").hangupCause()).isEqualTo("page short reached its maximum duration");
        assertThat(pbx.awaitCdrOf("1432").hangupCause()).isEqualTo("hung up by the page's caller");
        pbx.awaitPortsFree();
    }

    /** Registers {@code extension} and starts its phone, answering by itself with PCMU at {@code media}. */
    private Sipp.Running pagedPhone(String extension, RtpSink media) throws Exception {
        int port = FreePorts.udpAndTcp();
        pbx.register(extension, port);
        return CallIT.startCallee(Sipp.scenario("uas_page_member.xml").localPort(port)
                .key("rtp_port", Integer.toString(media.port())).key("codec", "0"), port);
    }

    /** The answered calls by their party (the caller, or the member an originated call rang), with their relay port. */
    private Map<String, InetSocketAddress> answeredCalls() {
        Map<String, InetSocketAddress> relays = new LinkedHashMap<>();
        for (CallSnapshot call : pbx.calls.list().join()) {
            if (call.state() == CallState.ANSWERED) {
                relays.put(call.caller(), new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        call.legs().getFirst().media().orElseThrow().localRtpPort()));
            }
        }
        return relays;
    }

    /** Samples at the test audio's full scale, far beyond anything the beep plays. */
    private static long fullScale(short[] pcm) {
        long count = 0;
        for (short sample : pcm) {
            if (sample < -20000) {
                count++;
            }
        }
        return count;
    }
}
