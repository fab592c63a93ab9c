package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User-Agent samples written after the forms real firmware sends; columns:
 * User-Agent | vendor | model | firmware | MAC (empty = none).
 */
class UserAgentIdentityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        Yealink SIP-T46S 66.86.0.15                                        | YEALINK     | T46S          | 66.86.0.15          | -
        Yealink SIP-T46S 66.86.0.15 00:15:65:12:34:56                      | YEALINK     | T46S          | 66.86.0.15          | 001565123456
        Yealink SIP-T54W 96.86.0.100 80:5e:c0:aa:bb:cc                     | YEALINK     | T54W          | 96.86.0.100         | 805ec0aabbcc
        Yealink SIP-T21P_E2 52.84.0.15                                     | YEALINK     | T21P_E2       | 52.84.0.15          | -
        Yealink SIP VP-T49G 51.80.0.100                                    | YEALINK     | T49G          | 51.80.0.100         | -
        Yealink W60B 77.83.0.85                                            | YEALINK     | W60B          | 77.83.0.85          | -
        Fanvil X4U 2.12.1.5 0c383e123456                                   | FANVIL      | X4U           | 2.12.1.5            | 0c383e123456
        Fanvil X3S 2.10.2.6887                                             | FANVIL      | X3S           | 2.10.2.6887         | -
        Grandstream GXP2170 1.0.11.3                                       | GRANDSTREAM | GXP2170       | 1.0.11.3            | -
        Grandstream GXP2170 1.0.11.3 000b82123456                          | GRANDSTREAM | GXP2170       | 1.0.11.3            | 000b82123456
        Grandstream GRP2614 1.0.5.67                                       | GRANDSTREAM | GRP2614       | 1.0.5.67            | -
        Grandstream HT-502 V1.2A 1.0.8.6 chip V2.2                         | GRANDSTREAM | HT-502        | 1.0.8.6             | -
        Grandstream Model HW GXP2160 SW 1.0.9.135 DevId 000b82abcdef       | GRANDSTREAM | GXP2160       | 1.0.9.135           | 000b82abcdef
        Cisco/SPA504G-7.6.2f                                               | CISCO       | SPA504G       | 7.6.2f              | -
        Cisco/SPA525G2-7.6.2                                               | CISCO       | SPA525G2      | 7.6.2               | -
        Linksys/SPA942-6.1.5(a)                                            | CISCO       | SPA942        | 6.1.5(a)            | -
        Cisco/CP-8841-3PCC-11.3.2 (a4b239123456)                           | CISCO       | CP-8841-3PCC  | 11.3.2              | a4b239123456
        Cisco/CP-7841-3PCC-11.0.1MPP0001-609 (00562B04C0DE)                | CISCO       | CP-7841-3PCC  | 11.0.1MPP0001-609   | 00562b04c0de
        PolycomVVX-VVX_450-UA/6.3.1.8427                                   | POLYCOM     | VVX 450       | 6.3.1.8427          | -
        PolycomSoundPointIP-SPIP_331-UA/4.0.4.2906                         | POLYCOM     | SoundPoint IP 331 | 4.0.4.2906      | -
        PolycomSoundStationIP-SSIP_6000-UA/4.0.4.2906                      | POLYCOM     | SoundStation IP 6000 | 4.0.4.2906   | -
        snomD785/10.1.39.11                                                | SNOM        | D785          | 10.1.39.11          | -
        snom710/8.9.3.60                                                   | SNOM        | 710           | 8.9.3.60            | -
        snom320/8.7.3.25                                                   | SNOM        | 320           | 8.7.3.25            | -
        Mozilla/4.0 (compatible; snomD345-SIP 10.1.46.16 1.1.5-IFX-05.01.12; 000413a1b2c3) | SNOM | D345 | 10.1.46.16     | 000413a1b2c3
        """)
    void recognisesEachVendorsUserAgent(String userAgent, Vendor vendor, String model, String firmware, String mac) {
        PhoneIdentity id = UserAgentIdentity.parse(userAgent);

        assertThat(id.vendor()).as("vendor of %s", userAgent).contains(vendor);
        assertThat(id.model()).as("model of %s", userAgent).contains(model);
        assertThat(id.firmware()).as("firmware of %s", userAgent).contains(firmware);
        assertThat(id.mac()).as("MAC in %s", userAgent)
                .isEqualTo(Optional.ofNullable(mac).map(MacAddress::new));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Asterisk PBX 20.5.0
        Z 5.6.4 v2.10.20.2
        Linphone/5.2.0 (belle-sip/5.2.0)
        friendly-scanner
        sipvicious
        ''
        """)
    void otherUserAgentsAreUnknown(String userAgent) {
        assertThat(UserAgentIdentity.parse(userAgent == null ? "" : userAgent)).isEqualTo(PhoneIdentity.UNKNOWN);
    }

    @Test
    void aMacTokenInAnUnknownUserAgentIsStillKept() {
        PhoneIdentity id = UserAgentIdentity.parse("AcmePhone 1.0 mac:00:15:65:12:34:56");
        assertThat(id.vendor()).isEmpty();
        assertThat(id.mac()).contains(new MacAddress("001565123456"));
    }

    @Test
    void broadcastOrZeroMacTokensAreIgnored() {
        assertThat(UserAgentIdentity.parse("Fanvil X4U 2.12.1.5 000000000000").mac()).isEmpty();
        assertThat(UserAgentIdentity.parse("Fanvil X4U 2.12.1.5 ff:ff:ff:ff:ff:ff").mac()).isEmpty();
    }

    @Test
    void aHugeHostileUserAgentIsReadOnlyFromItsStart() {
        String hostile = "snom" + "1".repeat(64 * 1024);
        assertThat(UserAgentIdentity.parse(hostile)).isEqualTo(PhoneIdentity.UNKNOWN);
        assertThat(UserAgentIdentity.parse("Fanvil X4U 2.12.1.5 0c383e123456 " + "x".repeat(64 * 1024)).vendor())
                .contains(Vendor.FANVIL);
    }

    @Test
    void vendorNameIsMatchedInAnyCase() {
        assertThat(UserAgentIdentity.parse("YEALINK SIP-T48S 66.86.0.15").vendor()).contains(Vendor.YEALINK);
    }
}
