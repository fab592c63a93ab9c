package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.call.CallIT.answering;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A caller's CANCEL and a callee's 200 crossing on the wire (RFC 3261 §9.1, §15), each way round,
 * with SIPp phones that send their message as if the other one had not arrived yet: both legs
 * end consistently, the call is recorded once (one {@code CallEnded}, published with the CDR) and
 * every relay port is free again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancelRaceIT {
    @AutoClose
    private CallHarness pbx;
    private final List<PbxEvent.CallEnded> ended = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(5), Duration.ofSeconds(60));
        pbx.addExtensions("1301", "1302", "1303", "1304");
        pbx.events.subscribe("cancel-race", EventBus.Delivery.LOSSLESS, 64, event -> {
            if (event instanceof PbxEvent.CallEnded end) {
                ended.add(end);
            }
        });
    }

    @Test
    void calleesAnswerCrossingTheCancelIsAckedAndHungUpAndTheCallerGets487() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1302", calleePort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_answer_crossing_cancel.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(media.port())).key("codec", "8"), calleePort);

            pbx.caller("uac_cancel.xml", "1301", "1302").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("1301 cancels while 1302 rings: 200 for the CANCEL, 487 for the INVITE");
            callee.awaitResult().assertAllCallsSucceeded("1302's 200 crossed the CANCEL: the PBX ACKs it and sends BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1301");
        assertThat(cdr.disposition()).isEqualTo(Disposition.CANCELLED);
        assertThat(cdr.hangupCause()).isEqualTo("CANCEL from caller");
        assertThat(cdr.answeredAt()).isNull();
        pbx.awaitPortsFree();
        assertThat(endsOf(cdr.callId())).as("the call is recorded once").isEqualTo(1);
    }

    @Test
    void callersCancelCrossingTheAnswerIsTooLateAndTheCallEndsWithItsBye() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1304", calleePort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, media, "8");

            pbx.caller("uac_cancel_crossing_answer.xml", "1303", "1304").key("sdp_ip", "127.0.0.1").key("codec", "8")
                    .run().assertAllCallsSucceeded("1303's CANCEL crossed the 200: no 487, so it ACKs and sends BYE");
            callee.awaitResult().assertAllCallsSucceeded("1304 answers, gets the ACK and then the BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1303");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("BYE from caller");
        pbx.awaitPortsFree();
        assertThat(endsOf(cdr.callId())).as("the call is recorded once").isEqualTo(1);
    }

    private long endsOf(String callId) {
        return ended.stream().filter(e -> e.callId().equals(callId)).count();
    }
}
