package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.ValidationException;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "00:15:65:12:34:56", "00-15-65-12-34-56", "0015.6512.3456", "001565123456",
        "00:15:65:AB:cd:Ef", "  001565123456\t", "0015.6512.3456 "})
    void everyCommonSpellingParsesToTwelveLowerCaseDigits(String spelling) {
        MacAddress mac = MacAddress.parse(spelling);
        assertThat(mac.hex()).as("parsed from %s", spelling).matches("[0-9a-f]{12}");
        assertThat(mac.hex()).startsWith("001565");
    }

    @Test
    void mixedCaseIsNormalisedToLowerCase() {
        assertThat(MacAddress.parse("00:0B:82:AB:CD:EF").hex()).isEqualTo("000b82abcdef");
    }

    @Test
    void formatsRenderTheSameAddress() {
        MacAddress mac = MacAddress.parse("000b82abcdef");
        assertThat(mac.colonSeparated()).isEqualTo("00:0b:82:ab:cd:ef");
        assertThat(mac.upperHex()).isEqualTo("000B82ABCDEF");
        assertThat(mac).hasToString("00:0b:82:ab:cd:ef");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "00:15:65:12:34", "00:15:65:12:34:56:78", "00:15:65:12:34:5g", "0015651234567",
        "00:15-65:12:34:56", "00.15.65.12.34.56", "001565.123456", "0:15:65:12:34:56", "xyz",
        "00 15 65 12 34 56"})
    void malformedTextIsAValidationErrorOnMacAddress(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("mac_address"));
    }

    @Test
    void nullIsAValidationErrorNotANullPointer() {
        assertThatThrownBy(() -> MacAddress.parse(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void allZeroAddressIsRefusedBecauseItIsPolycomsSharedFileName() {
        assertThatThrownBy(() -> MacAddress.parse("00:00:00:00:00:00"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("all-zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff:ff:ff:ff:ff:ff", "01:00:5e:00:00:01", "33:33:00:00:00:01", "03:15:65:12:34:56"})
    void groupAddressesAreRefused(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("multicast");
    }

    @Test
    void locallyAdministeredUnicastIsAccepted() {
        // 02:... is a locally administered unicast address: virtual phones and softphones use them.
        assertThat(MacAddress.parse("02:00:00:12:34:56").hex()).isEqualTo("020000123456");
    }

    @Test
    void tryParseIsEmptyForAnythingThatIsNotADeviceAddress() {
        assertThat(MacAddress.tryParse("garbage")).isEmpty();
        assertThat(MacAddress.tryParse("000000000000")).isEmpty();
        assertThat(MacAddress.tryParse("ffffffffffff")).isEmpty();
        assertThat(MacAddress.tryParse(null)).isEmpty();
        assertThat(MacAddress.tryParse("00-15-65-12-34-56")).contains(new MacAddress("001565123456"));
    }

    @Test
    void canonicalConstructorRejectsUnnormalisedDigits() {
        assertThatThrownBy(() -> new MacAddress("00:15:65:12:34:56")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new MacAddress("001565ABCDEF")).isInstanceOf(ValidationException.class);
    }
}
