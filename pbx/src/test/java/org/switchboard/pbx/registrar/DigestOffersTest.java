package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.DigestChoice;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.provisioning.ProvisionedLogin;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Which algorithms a challenge offers and which HA1s an answer meets: the extension's setting, then
 * the User-Agent rules, then the node default; a provisioned device's own login acts for its
 * extension. On a real SQLite file.
 */
class DigestOffersTest {
    private static final String REALM = "pbx.test";
    private static final List<DigestAlgorithm> DEFAULT = List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);
    private static final String BARESIP = "baresip v1.0.0 (x86_64/linux)";

    private final TestDatabase db = TestDatabases.sqlite();
    private final ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), REALM,
            new Argon2PasswordHasher(64, 1, 1), Clock.systemUTC(), new EventBus());
    private final UserAgentOffers rules = ua -> ua.startsWith("baresip v1.")
            ? Optional.of(List.of(DigestAlgorithm.MD5)) : Optional.empty();
    private final DigestOffers offers = new DigestOffers(extensions, rules, DEFAULT);
    private final ProvisionedLogin desk = new ProvisionedLogin("1001-a1b2c3", "1001", "001565a1b2c3", REALM,
            DigestAlgorithm.MD5.ha1("1001-a1b2c3", REALM, "device-pass"),
            DigestAlgorithm.SHA_256.ha1("1001-a1b2c3", REALM, "device-pass"));
    private final CredentialLookup lookup = new CredentialLookup(extensions,
            user -> user.equals(desk.authUser()) ? Optional.of(desk) : Optional.empty());

    @AfterEach
    void close() {
        db.close();
    }

    private void extension(String number, DigestChoice choice) {
        extensions.create(new ExtensionInput(number, "Ext " + number, "typed-" + number, null, null, false, true,
                choice), "test");
    }

    @Test
    void anExtensionsOwnSettingWinsOverTheUserAgentRules() {
        extension("1001", DigestChoice.SHA_256);
        extension("1002", DigestChoice.MD5);

        assertThat(offers.offerFor(Optional.of("1001"), Optional.of(BARESIP))).containsExactly(DigestAlgorithm.SHA_256);
        assertThat(offers.offerFor(Optional.of("1002"), Optional.of("Linphone/5.2"))).containsExactly(DigestAlgorithm.MD5);
    }

    @Test
    void onAutoAMatchingRuleDecidesAndOtherwiseTheDefaultOffersBoth() {
        extension("1001", DigestChoice.AUTO);

        assertThat(offers.offerFor(Optional.of("1001"), Optional.of(BARESIP))).containsExactly(DigestAlgorithm.MD5);
        assertThat(offers.offerFor(Optional.of("1001"), Optional.of("Yealink SIP-T46S 66.86.0.15"))).isEqualTo(DEFAULT);
        assertThat(offers.offerFor(Optional.of("1001"), Optional.empty())).isEqualTo(DEFAULT);
        assertThat(offers.offerFor(Optional.of("9999"), Optional.of(BARESIP))).as("unknown extension")
                .containsExactly(DigestAlgorithm.MD5);
    }

    @Test
    void anAlgorithmTheExtensionRefusesHasNoHa1() {
        extension("1001", DigestChoice.SHA_256);
        String md5 = DigestAlgorithm.MD5.ha1("1001", REALM, "typed-1001");
        String sha = DigestAlgorithm.SHA_256.ha1("1001", REALM, "typed-1001");

        assertThat(lookup.ha1("1001", REALM, DigestAlgorithm.SHA_256)).contains(sha);
        assertThat(lookup.ha1("1001", REALM, DigestAlgorithm.MD5)).as("MD5 for a SHA-256-only extension")
                .isPresent().get().isNotEqualTo(md5);
        assertThat(lookup.ha1(desk.authUser(), REALM, DigestAlgorithm.MD5)).as("its device, too")
                .get().isNotEqualTo(desk.ha1Md5());
    }

    @Test
    void aDevicesOwnLoginActsForItsExtension() {
        extension("1001", DigestChoice.AUTO);

        assertThat(lookup.ha1("1001-a1b2c3", REALM, DigestAlgorithm.MD5)).contains(desk.ha1Md5());
        assertThat(lookup.login("1001-a1b2c3"))
                .contains(new SipLogin("1001-a1b2c3", "1001", Optional.of("001565a1b2c3"), true));
        assertThat(lookup.login("1001")).contains(new SipLogin("1001", "1001", Optional.empty(), true));
        assertThat(lookup.login("1001-ffffff")).isEmpty();
    }

    @Test
    void aDeviceWhoseExtensionIsGoneHasNoLogin() {
        assertThat(lookup.login("1001-a1b2c3")).isEmpty();
        assertThat(lookup.ha1("1001-a1b2c3", REALM, DigestAlgorithm.MD5)).get().isNotEqualTo(desk.ha1Md5());
    }
}
