package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.pbx.provisioning.FunctionKey.BlfKey;
import org.switchboard.pbx.provisioning.FunctionKey.LineKey;
import org.switchboard.store.db.ValidationException;

class ProvisioningContextTest {

    private static final SiteSettings SITE = new SiteSettings("pbx.example.com", 5060, SipTransport.UDP, "*97",
            ZoneId.of("UTC"), "192.0.2.1", List.of(Codec.PCMU));
    private static final SipAccount ACCOUNT = new SipAccount("1001", "Alice", "1001", "secret");

    private static void assertField(Runnable construct, String field) {
        assertThatThrownBy(construct::run)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice\nsip.password = x", "Alice\r", "Tab\tName", "Nul\u0000"})
    void lineBreaksAndControlCharactersCannotReachAConfigFile(String name) {
        assertField(() -> new SipAccount("1001", name, "1001", "secret"), "display_name");
        assertField(() -> new SipAccount("1001", "Alice", "1001", name), "sip_password");
        assertField(() -> new LineKey(1, name), "key_label");
    }

    @Test
    void accountFieldsAreChecked() {
        assertField(() -> new SipAccount("1", "Alice", "1001", "secret"), "extension_number");
        assertField(() -> new SipAccount("10a1", "Alice", "1001", "secret"), "extension_number");
        assertField(() -> new SipAccount("1001", "", "1001", "secret"), "display_name");
        assertField(() -> new SipAccount("1001", "Alice", "user name", "secret"), "auth_user");
        assertField(() -> new SipAccount("1001", "Alice", "1001", ""), "sip_password");
        assertField(() -> new SipAccount("1001", "A".repeat(65), "1001", "secret"), "display_name");
    }

    @Test
    void passwordNeverAppearsInToString() {
        assertThat(new SipAccount("1001", "Alice", "1001", "hunter2").toString()).doesNotContain("hunter2").contains("***");
    }

    @Test
    void siteFieldsAreChecked() {
        assertField(() -> new SiteSettings("pbx example", 5060, SipTransport.UDP, "*97", ZoneId.of("UTC"), "ntp", List.of(Codec.PCMU)),
                "sip_server");
        assertField(() -> new SiteSettings("pbx", 0, SipTransport.UDP, "*97", ZoneId.of("UTC"), "ntp", List.of(Codec.PCMU)),
                "sip_port");
        assertField(() -> new SiteSettings("pbx", 65536, SipTransport.UDP, "*97", ZoneId.of("UTC"), "ntp", List.of(Codec.PCMU)),
                "sip_port");
        assertField(() -> new SiteSettings("pbx", 5060, SipTransport.UDP, "voicemail", ZoneId.of("UTC"), "ntp", List.of(Codec.PCMU)),
                "voicemail_number");
        assertField(() -> new SiteSettings("pbx", 5060, SipTransport.UDP, "*97", ZoneId.of("UTC"), "-ntp", List.of(Codec.PCMU)),
                "ntp_server");
        assertField(() -> new SiteSettings("pbx", 5060, SipTransport.UDP, "*97", ZoneId.of("UTC"), "ntp", List.of()), "codecs");
        assertField(() -> new SiteSettings("pbx", 5060, SipTransport.UDP, "*97", ZoneId.of("UTC"), "ntp",
                List.of(Codec.PCMU, Codec.PCMU)), "codecs");
    }

    @Test
    void keysAreSortedAndMayNotShareAPosition() {
        ProvisioningContext ctx = new ProvisioningContext(new MacAddress("001565123456"), Vendor.YEALINK, "T46S",
                ACCOUNT, SITE, List.of(new BlfKey(5, "1002", "Bob"), new LineKey(1, "Line")));
        assertThat(ctx.keys()).extracting(FunctionKey::position).containsExactly(1, 5);

        assertField(() -> new ProvisioningContext(new MacAddress("001565123456"), Vendor.YEALINK, "T46S", ACCOUNT, SITE,
                List.of(new LineKey(1, "Line"), new BlfKey(1, "1002", "Bob"))), "key_position");
        assertField(() -> new LineKey(0, "Line"), "key_position");
        assertField(() -> new BlfKey(2, "sip:bob", "Bob"), "key_target");
    }

    @Test
    void modelMustBeACanonicalModelOfTheVendor() {
        assertField(() -> new ProvisioningContext(new MacAddress("001565123456"), Vendor.YEALINK, "GXP2170",
                ACCOUNT, SITE, List.of()), "model");
        assertField(() -> new ProvisioningContext(new MacAddress("001565123456"), Vendor.YEALINK, "t46s",
                ACCOUNT, SITE, List.of()), "model");
    }
}
