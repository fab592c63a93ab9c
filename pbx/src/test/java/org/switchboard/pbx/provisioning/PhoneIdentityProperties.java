package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** What a phone sends is untrusted: parsing it must never throw, whatever it is. */
class PhoneIdentityProperties {

    @Property
    void arbitraryHeaderValuesNeverThrow(@ForAll @StringLength(max = 300) String a, @ForAll @StringLength(max = 300) String b,
            @ForAll @StringLength(max = 300) String c) {
        assertThatCode(() -> PhoneIdentification.identify(Optional.of(a), Optional.of(b), Optional.of(c)))
                .doesNotThrowAnyException();
    }

    @Property
    void arbitraryPathsNeverThrow(@ForAll @StringLength(max = 300) String rest) {
        assertThatCode(() -> ProvisioningRequestPath.parse(ProvisioningRequestPath.PREFIX + rest)).doesNotThrowAnyException();
        assertThatCode(() -> ProvisioningRequestPath.parse(rest)).doesNotThrowAnyException();
    }

    @Property
    void aYealinkUserAgentWithAnyMacYieldsThatMac(@ForAll("unicast") MacAddress mac) {
        PhoneIdentity id = UserAgentIdentity.parse("Yealink SIP-T46S 66.86.0.15 " + mac.colonSeparated());
        assertThat(id.mac()).contains(mac);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<MacAddress> unicast() {
        return net.jqwik.api.Arbitraries.strings().withChars("0123456789abcdef").ofLength(12)
                .map(MacAddress::tryParse).filter(Optional::isPresent).map(Optional::get);
    }
}
