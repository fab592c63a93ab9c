package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceIdMacTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        "<urn:uuid:00000000-0000-1000-8000-000b82123456>"   | 000b82123456
        <urn:uuid:00000000-0000-1000-8000-001565ABCDEF>     | 001565abcdef
        urn:uuid:00000000-0000-1000-8000-0004f2123456       | 0004f2123456
        "<urn:uuid:5a3e1c00-7f6e-11ec-9d64-0c383e123456>"   | 0c383e123456
        "<urn:mac:00:15:65:12:34:56>"                       | 001565123456
        urn:mac:001565123456                                | 001565123456
        """)
    void macIsTakenFromTimeBasedUuidNodeOrMacUrn(String instance, String mac) {
        assertThat(InstanceIdMac.parse(instance)).contains(new MacAddress(mac));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // version 4 (random): the last field is not a MAC
        "\"<urn:uuid:f81d4fae-7dec-41d0-a765-00a0c91e6bf6>\"",
        // version 1 with a random node: multicast bit set, RFC 4122 §4.5
        "\"<urn:uuid:00000000-0000-1000-8000-030000123456>\"",
        "\"<urn:uuid:00000000-0000-1000-8000-000000000000>\"",
        "\"<urn:mac:nonsense>\"",
        "\"<urn:gsma:imei:35209900-176148-1>\"",
        "<urn:uuid:not-a-uuid>",
        "",
        "\""})
    void instancesWithoutAMacGiveNothing(String instance) {
        assertThat(InstanceIdMac.parse(instance)).isEmpty();
    }
}
