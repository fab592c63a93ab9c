package org.switchboard.server.it;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Self-test of the audio test harness, with no PBX in between: two baresip phones call each other
 * directly and each records the other's tone. When {@link TwoPartyCallAudioIT} fails and this
 * passes, the fault is in the PBX, not in baresip, its modules or the tone analysis.
 */
class BaresipHarnessIT {
    private Path work;
    private Baresip caller;
    private Baresip callee;

    @BeforeEach
    void folder() throws IOException {
        work = Baresip.newFolder("harness-");
    }

    @AfterEach
    void stopPhones() {
        if (caller != null) {
            caller.close();
        }
        if (callee != null) {
            callee.close();
        }
    }

    @Test
    void phonesCallingEachOtherDirectlyRecordEachOthersTone() throws Exception {
        callee = Baresip.start(work.resolve("1002"), Baresip.Account.unregistered("1002").answeringAutomatically(),
                ToneCall.calleeTone(work));
        caller = Baresip.start(work.resolve("1001"), Baresip.Account.unregistered("1001").offering("PCMU/8000/1"),
                ToneCall.callerTone(work));
        ToneCall call = new ToneCall(caller, callee, () -> "nothing, a direct call");

        call.talk("sip:1002@127.0.0.1:" + callee.sipPort());

        call.assertEachHeardTheOther();
    }
}
