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
import org.switchboard.store.provisioning.NewProvisionedDevice;
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

    private String authNameIn(ProvisioningService s, String mac) {
        return s.render(mac).body().lines().filter(l -> l.startsWith("account.1.auth_name"))
                .map(l -> l.substring(l.indexOf('=') + 1).strip()).findFirst().orElseThrow();
    }

    private static boolean deviceAccepts(ProvisioningService s, String authUser, String password) {
        return s.findLogin(authUser).map(l -> l.ha1Md5().equals(DigestAlgorithm.MD5.ha1(authUser, REALM, password))
                && l.ha1Sha256().equals(DigestAlgorithm.SHA_256.ha1(authUser, REALM, password))).orElse(false);
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
    void aBoundDeviceGetsItsOwnUserNameAndPasswordAndTheExtensionKeepsTheTypedOne(TestDatabase db) {
        ProvisioningService s = service(db.database());
        extension("1001");
        s.save(DeviceInput.parse("001565a1b2c3", "1001", "yealink", "T46S"), "test");

        String password = passwordIn(s, "001565a1b2c3");
        assertThat(authNameIn(s, "001565a1b2c3")).isEqualTo("1001-a1b2c3");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo("Typed-Pa55word");
        assertThat(deviceAccepts(s, "1001-a1b2c3", password)).as("the device's own login").isTrue();
        assertThat(s.findLogin("1001-a1b2c3")).get().extracting(ProvisionedLogin::extension, ProvisionedLogin::macAddress)
                .containsExactly("1001", "001565a1b2c3");
        assertThat(extensionAccepts("1001", "Typed-Pa55word")).as("the typed extension password still works").isTrue();
        String stored = db.database().read(h -> h.createQuery("SELECT sip_secret FROM provisioned_devices").mapTo(String.class).one());
        assertThat(stored).as("the database holds only the sealed form").doesNotContain(password);
    }

    @BothEngines
    void twoDevicesOfOneExtensionHaveCredentialsOfTheirOwnAndSavingAgainKeepsThem(TestDatabase db) {
        ProvisioningService s = service(db.database());
        extension("1001");
        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T46S"), "test");
        s.save(DeviceInput.parse("000b82000002", "1001", "grandstream", "GXP2170"), "test");
        String first = passwordIn(s, "001565000001");
        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T48S"), "test");

        assertThat(passwordIn(s, "001565000001")).as("saved again on the same extension").isEqualTo(first);
        assertThat(s.render("000b82000002").body()).doesNotContain(first).contains("<P36>1001-000002</P36>");
        assertThat(s.findLogin("1001-000001")).isPresent();
        assertThat(s.findLogin("1001-000002")).isPresent();
    }

    @BothEngines
    void aShortUserNameAnotherDeviceHasMakesTheWholeMacTheName(TestDatabase db) {
        ProvisioningService s = service(db.database());
        extension("1001");
        s.save(DeviceInput.parse("001565123456", "1001", "yealink", "T46S"), "test");
        s.save(DeviceInput.parse("000b82123456", "1001", "grandstream", "GXP2170"), "test");

        assertThat(authNameIn(s, "001565123456")).isEqualTo("1001-123456");
        assertThat(s.findLogin("1001-000b82123456")).get().extracting(ProvisionedLogin::macAddress)
                .isEqualTo("000b82123456");
    }

    @BothEngines
    void deletingADeviceRevokesOnlyItsOwnCredentials(TestDatabase db) {
        ProvisioningService s = service(db.database());
        extension("1001");
        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T46S"), "test");
        s.save(DeviceInput.parse("001565000002", "1001", "yealink", "T46S"), "test");

        s.delete("001565000001", "test");

        assertThat(s.findLogin("1001-000001")).as("the removed phone's login").isEmpty();
        assertThat(s.findLogin("1001-000002")).as("the other device's login").isPresent();
        assertThat(extensionAccepts("1001", "Typed-Pa55word")).as("the extension's typed password").isTrue();
    }

    @BothEngines
    void movingADeviceToAnotherExtensionGivesItNewCredentialsAndRevokesTheOld(TestDatabase db) {
        ProvisioningService s = service(db.database());
        extension("1001");
        extension("1002");
        s.save(DeviceInput.parse("001565000001", "1001", "yealink", "T46S"), "test");
        String before = passwordIn(s, "001565000001");

        s.save(DeviceInput.parse("001565000001", "1002", "yealink", "T46S"), "test");

        assertThat(s.findLogin("1001-000001")).isEmpty();
        assertThat(s.findLogin("1002-000001")).get().extracting(ProvisionedLogin::extension).isEqualTo("1002");
        assertThat(passwordIn(s, "001565000001")).isNotEqualTo(before);
    }

    @BothEngines
    void aDeviceSavedBeforeDevicesHadTheirOwnCredentialsGetsThemAtStart(TestDatabase db) {
        service(db.database());
        extension("1001");
        // A row as an older version left it: sealed password, no login of its own.
        new JdbiProvisionedDeviceStore(db.database()).create(new NewProvisionedDevice("001565000001", "1001", "yealink",
                "T46S", null, null, new DeviceSecretCipher(key).seal(MacAddress.parse("001565000001"), "Old-shared-1"),
                null), clock.instant());

        ProvisioningService restarted = service(db.database());

        assertThat(restarted.findLogin("1001-000001")).isPresent();
        assertThat(deviceAccepts(restarted, "1001-000001", passwordIn(restarted, "001565000001"))).isTrue();
    }

    @BothEngines
    void everyVendorsFileCarriesTheDevicesOwnUserNameAndPassword(TestDatabase db) throws Exception {
        ProvisioningService s = service(db.database());
        extension("1001");
        record Case(String mac, String vendor, String model, String path, String userPattern, String passwordPattern) {}
        List<Case> cases = List.of(
                new Case("001565000011", "yealink", "T46S", "/provision/001565000011.cfg",
                        "account\\.1\\.auth_name = (\\S+)", "account\\.1\\.password = (\\S+)"),
                new Case("0004f2000012", "polycom", "VVX 450", "/provision/0004f2000012-phone.cfg",
                        "reg\\.1\\.auth\\.userId=\"([^\"]+)\"", "reg\\.1\\.auth\\.password=\"([^\"]+)\""),
                new Case("000b82000013", "grandstream", "GXP2170", "/provision/cfg000b82000013.xml",
                        "<P36>([^<]+)</P36>", "<P34>([^<]+)</P34>"),
                new Case("e05fb9000014", "cisco", "SPA504G", "/provision/spae05fb9000014.xml",
                        "<Auth_ID_1_>([^<]+)</Auth_ID_1_>", "<Password_1_>([^<]+)</Password_1_>"),
                new Case("000413000015", "snom", "D785", "/provision/000413000015.xml",
                        "<user_pname idx=\"1\" perm=\"\">([^<]+)</user_pname>",
                        "<user_pass idx=\"1\" perm=\"\">([^<]+)</user_pass>"),
                new Case("0c383e000016", "fanvil", "X4U", "/provision/0c383e000016.cfg",
                        "SIP1 Register User :(\\S+)", "SIP1 Register Pswd :(\\S+)"));
        for (Case c : cases) {
            s.save(DeviceInput.parse(c.mac(), "1001", c.vendor(), c.model()), "test");
            var request = (ProvisioningRequest.DeviceFile) ProvisioningRequestPath.parse(c.path()).orElseThrow();
            ConfigFetch fetch = s.fetch(request, InetAddress.getByName("192.0.2.10"), "http://pbx.test/provision/t/");
            assertThat(fetch).as(c.vendor() + " " + c.path()).isInstanceOf(ConfigFetch.Served.class);
            String body = ((ConfigFetch.Served) fetch).file().body();
            String user = group(body, c.userPattern(), c.vendor() + " user name");
            String password = group(body, c.passwordPattern(), c.vendor() + " password");
            assertThat(user).as(c.vendor() + " user name").isEqualTo("1001-" + c.mac().substring(6));
            assertThat(deviceAccepts(s, user, password)).as(c.vendor() + ": the file's password is the device's own")
                    .isTrue();
        }
    }

    private static String group(String body, String pattern, String what) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(body);
        assertThat(m.find()).as(what + " in\n" + body).isTrue();
        return m.group(1);
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
        assertThat(s.fetch(request, InetAddress.getByName("192.0.2.11"), "http://pbx.test/provision/t/"))
                .isInstanceOf(ConfigFetch.WrongAddress.class);
        assertThat(fetched).isEmpty();
        assertThat(s.fetch(request, InetAddress.getByName("192.0.2.10"), "http://pbx.test/provision/t/")).isInstanceOf(ConfigFetch.Served.class);
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
        assertThat(s.findLogin("1001-000001")).as("each seeded device has its own login").isPresent();
        assertThat(s.findLogin("1001-000002")).isPresent();
        assertThat(extensionAccepts("1001", "Typed-Pa55word")).isTrue();
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
