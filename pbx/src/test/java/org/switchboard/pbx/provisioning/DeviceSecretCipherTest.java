package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceSecretCipherTest {
    private static final MacAddress PHONE = MacAddress.parse("001565123456");
    private static final MacAddress OTHER = MacAddress.parse("001565654321");
    private final DeviceSecretCipher cipher = new DeviceSecretCipher(DeviceSecretCipher.newKey());

    @Test
    void aSealedPasswordOpensForTheSameDeviceAndHidesThePassword() {
        String sealed = cipher.seal(PHONE, "Correct-Horse-9");
        assertThat(sealed).startsWith("v1:").doesNotContain("Correct-Horse-9");
        assertThat(cipher.open(PHONE, sealed)).isEqualTo("Correct-Horse-9");
    }

    @Test
    void sealingTwiceGivesDifferentTextBecauseTheIvIsRandom() {
        assertThat(cipher.seal(PHONE, "pw-123456")).isNotEqualTo(cipher.seal(PHONE, "pw-123456"));
    }

    @Test
    void aValueCopiedToAnotherDeviceDoesNotOpen() {
        String sealed = cipher.seal(PHONE, "pw-123456");
        assertThatThrownBy(() -> cipher.open(OTHER, sealed)).isInstanceOf(SealedSecretException.class);
    }

    @Test
    void anotherKeyOrAnAlteredValueDoesNotOpen() {
        String sealed = cipher.seal(PHONE, "pw-123456");
        DeviceSecretCipher otherKey = new DeviceSecretCipher(DeviceSecretCipher.newKey());
        assertThatThrownBy(() -> otherKey.open(PHONE, sealed)).isInstanceOf(SealedSecretException.class);
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> cipher.open(PHONE, altered)).isInstanceOf(SealedSecretException.class);
        assertThatThrownBy(() -> cipher.open(PHONE, "v1:!!")).isInstanceOf(SealedSecretException.class);
        assertThatThrownBy(() -> cipher.open(PHONE, "plain")).isInstanceOf(SealedSecretException.class);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new DeviceSecretCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
