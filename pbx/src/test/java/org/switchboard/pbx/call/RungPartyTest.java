package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.message.SipUri;

/** What a party the PBX rings shows and is shown: the From and To of its INVITEs, and where it is. */
class RungPartyTest {
    private static final SipLogin PARTY = new SipLogin("1001", "1001", Optional.empty(), true);

    private static RungParty party(OriginateLeg.Target target, String callerName, List<OriginateTarget> targets) {
        return new RungParty("call-1", Runnable::run, PARTY,
                new OriginateLeg(target, "1002", callerName, "1002", Duration.ofSeconds(20), true), targets);
    }

    @Test
    void anExtensionIsCalledAtItsAddressOfRecordWithTheCallerIdAsFrom() {
        RungParty rung = party(new OriginateLeg.Target.Extension("1001"), "Sales", List.of());

        assertThat(rung.to("pbx.test").uri().toString()).isEqualTo("sip:1001@pbx.test");
        assertThat(rung.from("pbx.test").uri().toString()).isEqualTo("sip:1002@pbx.test");
        assertThat(rung.from("pbx.test").displayName()).contains("Sales");
        assertThat(rung.dialled()).isEqualTo("1002");
        assertThat(rung.byeCause()).isEqualTo("BYE from callee");
    }

    @Test
    void aUriIsCalledAsItIsAndAnEmptyCallerNameIsNoDisplayName() {
        SipUri gateway = SipUri.parse("sip:5550100@192.0.2.10:5060");
        RungParty rung = party(new OriginateLeg.Target.Uri(gateway), "", List.of(OriginateTarget.of(gateway)));

        assertThat(rung.to("pbx.test").uri()).isEqualTo(gateway);
        assertThat(rung.from("pbx.test").displayName()).isEmpty();
        assertThat(rung.remote().getPort()).as("before an answer: the place rung").isEqualTo(5060);
    }

    @Test
    void aPartyWithNoPhoneToRingIsShownNowhere() {
        RungParty rung = party(new OriginateLeg.Target.Extension("1001"), "", List.of());

        assertThat(Call.hostPort(rung.remote())).isEqualTo("0.0.0.0:0");
    }
}
