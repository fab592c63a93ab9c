package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.store.db.ValidationException;

class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "10.0.0.1", "255.255.255.254", " 198.51.100.7 "})
    void dottedQuadsAreIpv4(String text) {
        assertThat(IpLiteral.parse(text, "static_ip")).isInstanceOf(Inet4Address.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::10", "fe80::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "::1"})
    void rfc4291FormsAreIpv6(String text) {
        assertThat(IpLiteral.parse(text, "static_ip")).isInstanceOf(Inet6Address.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "10.1", "10", "010.0.0.1", "256.0.0.1", "1.2.3.4.5", "0x7f.0.0.1", "phone.example.com", "localhost",
        "[2001:db8::1]", "fe80::1%eth0", "2001:db8:::1", "2001:db8::1::2", "0.0.0.0", "::", "224.0.0.1",
        "ff02::1", "255.255.255.255", "1.2.3.4 5"})
    void everythingElseIsAValidationErrorOnTheGivenField(String text) {
        assertThatThrownBy(() -> IpLiteral.parse(text, "static_ip"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("static_ip"));
    }
}
