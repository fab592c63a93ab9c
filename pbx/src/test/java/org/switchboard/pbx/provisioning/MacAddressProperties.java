package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HexFormat;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.switchboard.store.db.ValidationException;

class MacAddressProperties {

    @Provide
    Arbitrary<byte[]> unicastOctets() {
        return Arbitraries.bytes().array(byte[].class).ofSize(6)
                .map(b -> {
                    b[0] = (byte) (b[0] & 0xFE);
                    return b;
                })
                .filter(b -> !HexFormat.of().formatHex(b).equals("000000000000"));
    }

    @Property
    void everySpellingOfOneAddressParsesToTheSameValue(@ForAll("unicastOctets") byte[] octets) {
        String hex = HexFormat.of().formatHex(octets);
        String upper = hex.toUpperCase(Locale.ROOT);
        String colons = HexFormat.ofDelimiter(":").formatHex(octets);
        String dashes = HexFormat.ofDelimiter("-").withUpperCase().formatHex(octets);
        String dots = upper.substring(0, 4) + "." + upper.substring(4, 8) + "." + upper.substring(8);

        MacAddress expected = new MacAddress(hex);
        assertThat(MacAddress.parse(upper)).isEqualTo(expected);
        assertThat(MacAddress.parse(colons)).isEqualTo(expected);
        assertThat(MacAddress.parse(dashes)).isEqualTo(expected);
        assertThat(MacAddress.parse(dots)).isEqualTo(expected);
    }

    @Property
    void colonFormRoundTrips(@ForAll("unicastOctets") byte[] octets) {
        MacAddress mac = new MacAddress(HexFormat.of().formatHex(octets));
        assertThat(MacAddress.parse(mac.colonSeparated())).isEqualTo(mac);
        assertThat(MacAddress.parse(mac.upperHex())).isEqualTo(mac);
    }

    @Property
    void arbitraryTextEitherParsesOrIsAValidationError(@ForAll String text) {
        assertThatCode(() -> {
            try {
                MacAddress.parse(text);
            } catch (ValidationException expected) {
                assertThat(expected.field()).isEqualTo("mac_address");
            }
        }).doesNotThrowAnyException();
        assertThatCode(() -> MacAddress.tryParse(text)).doesNotThrowAnyException();
    }
}
