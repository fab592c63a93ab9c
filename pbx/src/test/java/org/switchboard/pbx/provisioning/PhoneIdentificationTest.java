package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneIdentificationTest {

    private static final String YEALINK_WITH_MAC = "Yealink SIP-T46S 66.86.0.15 00:15:65:11:11:11";
    private static final String INSTANCE = "\"<urn:uuid:00000000-0000-1000-8000-001565222222>\"";

    @Test
    void explicitMacHeaderWinsOverInstanceAndUserAgent() {
        PhoneIdentity id = PhoneIdentification.identify(
                Optional.of(YEALINK_WITH_MAC), Optional.of("00-15-65-33-33-33"), Optional.of(INSTANCE));
        assertThat(id.mac()).contains(new MacAddress("001565333333"));
        assertThat(id.vendor()).contains(Vendor.YEALINK);
        assertThat(id.model()).contains("T46S");
    }

    @Test
    void instanceWinsOverUserAgentToken() {
        PhoneIdentity id = PhoneIdentification.identify(
                Optional.of(YEALINK_WITH_MAC), Optional.empty(), Optional.of(INSTANCE));
        assertThat(id.mac()).contains(new MacAddress("001565222222"));
    }

    @Test
    void userAgentMacIsTheLastResort() {
        PhoneIdentity id = PhoneIdentification.identify(
                Optional.of(YEALINK_WITH_MAC), Optional.of("not a mac"), Optional.of("\"<urn:uuid:f81d4fae-7dec-41d0-a765-00a0c91e6bf6>\""));
        assertThat(id.mac()).contains(new MacAddress("001565111111"));
    }

    @Test
    void polycomWithoutMacAnywhereHasVendorButNoMac() {
        PhoneIdentity id = PhoneIdentification.identify(
                Optional.of("PolycomVVX-VVX_450-UA/6.3.1.8427"), Optional.empty(), Optional.empty());
        assertThat(id.vendor()).contains(Vendor.POLYCOM);
        assertThat(id.mac()).isEmpty();
    }

    @Test
    void nothingGivenIsUnknown() {
        assertThat(PhoneIdentification.identify(Optional.empty(), Optional.empty(), Optional.empty()))
                .isEqualTo(PhoneIdentity.UNKNOWN);
    }

    @Test
    void macHeaderAloneIdentifiesTheDevice() {
        PhoneIdentity id = PhoneIdentification.identify(Optional.empty(), Optional.of("0015.6544.4444"), Optional.empty());
        assertThat(id.mac()).contains(new MacAddress("001565444444"));
        assertThat(id.vendor()).isEmpty();
    }
}
