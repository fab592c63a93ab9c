package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.provisioning.JdbiProvisionedDeviceStore;
import org.switchboard.store.provisioning.JdbiRegisteredPhoneStore;
import org.switchboard.store.provisioning.ProvisioningFetch;
import org.switchboard.store.seed.SeedOutcome;
import org.switchboard.store.seed.SeedRunner;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** The provisioning service's rules on a real database, both engines. */
class ProvisioningServiceTest {
    private static final String REALM = "pbx.test";
    private static final SiteSettings SITE = new SiteSettings("pbx.example.com", 5060, SipTransport.UDP, "*97",
            ZoneId.of("UTC"), "pool.ntp.org", List.of(Codec.PCMU));
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    private final byte[] key = DeviceSecretCipher.newKey();
    private final List<ProvisioningFetch> fetched = new ArrayList<>();
    private ExtensionService extensions;
    private final EventBus events = new EventBus();

    private ProvisioningService service(Database db) {
        extensions = new ExtensionService(new JdbiExtensionStore(db), REALM, new Argon2PasswordHasher(256, 1, 1), clock, new EventBus());
        extensions.reloadCache();
        ProvisioningService s = new ProvisioningService(new JdbiProvisionedDeviceStore(db), new JdbiRegisteredPhoneStore(db),
                extensions, new ProvisioningTemplates(Optional.empty(), clock), SITE, new DeviceSecretCipher(key),
                fetched::add, clock, events);
        s.start();
        return s;
    }

    private void extension(String number) {
        extensions.create(new ExtensionInput(number, "Desk " + number, "Typed-Pa55word", null, null, false, true), "test");
    }

    private String passwordIn(ProvisioningService s, String mac) {
        return s.render(mac).body().lines().filter(l -> l.startsWith("account.1.password"))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst().orElseThrow();
    }

    private boolean extensionAccepts(String number, String password) {
        return extensions.get(number).ha1Md5().equals(DigestAlgorithm.MD5.ha1(number, REALM, password));
    }

    @AfterEach
    void closeBus() {
        events.close();
    }

    @BothEngines
    void committedDeviceChangesArePublishedAsConfigChanged(TestDatabase db) throws InterruptedException {
        ProvisioningService s = service(db.database());
        extension("1001");
        BlockingQueue<PbxEvent> seen = new LinkedBlockingQueue<>();
        events.subscribe("test", EventBus.Delivery.LOSSLESS, 16, seen::add);

        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T46S"), "test");
        s.setStaticIp("001565000001", "192.0.2.10", "test");
        s.delete("001565000001", "test");

        List<String> devices = new ArrayList<>();
        while (devices.size() < 3) {
            PbxEvent event = seen.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("a device event; got so far " + devices).isNotNull();
            if (event instanceof ConfigChanged c && c.entity().equals("device")) {
                devices.add(c.key() + " " + c.change());
            }
        }
        assertThat(devices).containsExactly("001565000001 CREATED", "001565000001 UPDATED", "001565000001 DELETED");
    }

    @BothEngines
    void aBoundDeviceGetsAGeneratedPasswordThatBecomesTheExtensions(TestDatabase db) {
        ProvisioningService s = service(db.database());
        extension("1001");
        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T46S"), "test");
        String password = passwordIn(s, "001565000001");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("Typed-Pa55word");
        assertThat(extensionAccepts("1001", password)).as("extension HA1 from the generated password").isTrue();
        String stored = db.database().read(h -> h.createQuery("SELECT sip_secret FROM provisioned_devices").mapTo(String.class).one());
        assertThat(stored)
                .as("the database holds only the sealed form").doesNotContain(password);
    }

    @BothEngines
    void twoDevicesOfOneExtensionShareItsPasswordAndSavingAgainKeepsIt(TestDatabase db) {
        ProvisioningService s = service(db.database());
        extension("1001");
        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T46S"), "test");
        s.save(DeviceInput.parse("000b82000002", "1001", "grandstream", "GXP2170"), "test");
        String first = passwordIn(s, "001565000001");
        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T48S"), "test");
        assertThat(passwordIn(s, "001565000001")).isEqualTo(first);
        assertThat(extensionAccepts("1001", first)).isTrue();
        String grandstream = s.render("000b82000002").body();
        assertThat(grandstream).contains(first);
    }

    @BothEngines
    void deletingTheLastDeviceOfAnExtensionRotatesItsPassword(TestDatabase db) {
        ProvisioningService s = service(db.database());
        extension("1001");
        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T46S"), "test");
        String password = passwordIn(s, "001565000001");
        s.delete("001565000001", "test");
        assertThat(extensionAccepts("1001", password)).as("the removed phone's password no longer works").isFalse();
    }

    @BothEngines
    void anUnknownExtensionIsAValidationErrorOnExtensionNumber(TestDatabase db) {
        ProvisioningService s = service(db.database());
        assertThatThrownBy(() -> s.save(DeviceInput.parse("001565000001", "1099", "yealink", "T46S"), "test"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("extension_number"));
    }

    @BothEngines
    void aServedFileIsRecordedAsAFetchAndAWrongAddressIsNot(TestDatabase db) throws Exception {
        ProvisioningService s = service(db.database());
        extension("1001");
        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T46S"), "test");
        s.setStaticIp("001565000001", "192.0.2.10", "test");
        var request = (ProvisioningRequest.DeviceFile) ProvisioningRequestPath.parse("/provision/001565000001.cfg").orElseThrow();
        assertThat(s.fetch(request, InetAddress.getByName("192.0.2.11"))).isInstanceOf(ConfigFetch.WrongAddress.class);
        assertThat(fetched).isEmpty();
        assertThat(s.fetch(request, InetAddress.getByName("192.0.2.10"))).isInstanceOf(ConfigFetch.Served.class);
        assertThat(fetched).containsExactly(new ProvisioningFetch("001565000001", clock.instant()));
    }

    @BothEngines
    void theSeedFillsAnEmptyTableOnceAndKeepsStaticIps(TestDatabase db) {
        ProvisioningService s = service(db.database());
        extension("1001");
        SeedRunner runner = new SeedRunner(db.database(), clock);
        ProvisioningSeed seed = new ProvisioningSeed(s, List.of(
                ProvisioningSeed.entry("00:15:65:00:00:01", "1001", "yealink", "T46S", "192.0.2.10"),
                ProvisioningSeed.entry("00:0b:82:00:00:02", "1001", "grandstream", "GXP2170", null)));
        assertThat(runner.run(seed)).isEqualTo(SeedOutcome.SEEDED);
        s.reloadCache();
        assertThat(s.list()).hasSize(2);
        assertThat(s.get("001565000001").staticIp()).isEqualTo("192.0.2.10");
        String password = passwordIn(s, "001565000001");
        assertThat(s.render("000b82000002").body()).as("both seeded devices of 1001 share its password").contains(password);
        assertThat(extensionAccepts("1001", password)).isTrue();
        s.delete("000b82000002", "test");
        assertThat(runner.run(seed)).as("second start").isNotEqualTo(SeedOutcome.SEEDED);
        assertThat(s.list()).hasSize(1);
    }

    @BothEngines
    void theSeedRefusesABadEntryNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> ProvisioningSeed.entry("00:15:65:00:00:01", "1001", "yealink", "T46S", "10.1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("static_ip"));
    }
}
