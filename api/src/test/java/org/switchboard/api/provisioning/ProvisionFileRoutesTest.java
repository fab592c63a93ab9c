package org.switchboard.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.pbx.provisioning.DeviceInput;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.store.phonebook.NewContact;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/** Phones fetching their files under /provision/ over real HTTP: URL token, vendor paths, static IP, throttling. */
class ProvisionFileRoutesTest {
    private static final ScanThrottle.Settings THROTTLE =
            new ScanThrottle.Settings(5, Duration.ofMinutes(1), Duration.ofMinutes(5), 1_000);

    private TestDatabase db;
    private ProvisioningNode node;
    private TestClock clock;

    @BeforeEach
    void start() {
        db = TestDatabases.sqlite();
        clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
        node = new ProvisioningNode(db.database(), DeviceSecretCipher.newKey(), clock, THROTTLE);
        node.extension("1001", "Alice");
        node.extension("1002", "Bob");
    }

    @AfterEach
    void stop() {
        node.close();
        db.close();
    }

    private void device(String mac, String extension, String vendor, String model) {
        node.provisioning.save(DeviceInput.parse(mac, extension, vendor, model), "test");
    }

    /** Every file name a phone of each vendor asks for, for the devices {@link #oneDevicePerVendor()} makes. */
    private static final List<String> EVERY_VENDOR_PATH = List.of("001565000001.cfg", "0004F2000002.cfg",
            "0004f2000002-phone.cfg", "cfg000b82000003.xml", "cfg000b82000003", "spaa4b239000004.xml",
            "snomD785-000413000005.htm", "000413000005.xml", "0c383e000006.cfg", "y000000000028.cfg", "000000000000.cfg");

    private void oneDevicePerVendor() {
        device("001565000001", "1001", "yealink", "T46S");
        device("0004f2000002", "1001", "polycom", "VVX 450");
        device("000b82000003", "1001", "grandstream", "GXP2170");
        device("a4b239000004", "1001", "cisco", "CP-8841-3PCC");
        device("000413000005", "1001", "snom", "D785");
        device("0c383e000006", "1001", "fanvil", "X4U");
    }

    @Test
    void eachVendorPathServesThatVendorsTemplate() {
        oneDevicePerVendor();

        assertServed("001565000001.cfg", "text/plain", "#!version:1.0.0.1");
        assertServed("0004F2000002.cfg", "application/xml", "0004f2000002-phone.cfg");
        assertServed("0004f2000002-phone.cfg", "application/xml", "reg.1.address");
        assertServed("cfg000b82000003.xml", "application/xml", "<gs_provision");
        assertServed("cfg000b82000003", "application/xml", "<gs_provision");
        assertServed("spaa4b239000004.xml", "application/xml", "<flat-profile");
        assertServed("snomD785-000413000005.htm", "application/xml", "<settings");
        assertServed("000413000005.xml", "application/xml", "<settings");
        assertServed("0c383e000006.cfg", "text/plain", "<<VOIP CONFIG FILE>>");
        assertServed("y000000000028.cfg", "text/plain", "#!version:1.0.0.1");
        assertServed("000000000000.cfg", "application/xml", "<");
    }

    @Test
    void theCompanyPhoneBookIsServedInEachMakersDirectoryFormatWithTheUrlToken() {
        node.phoneBook.create(new NewContact(Optional.of("Jane"), Optional.of("Doe"), Optional.empty(),
                Optional.of("+15550102000"), Optional.empty(), Optional.empty(), Optional.empty()), "test");

        assertServed("directory-yealink.xml", "application/xml", "<YealinkIPPhoneDirectory><DirectoryEntry><Name>Jane Doe</Name>");
        assertServed("directory-snom.xml", "application/xml", "<SnomIPPhoneDirectory>");
        assertServed("directory-fanvil.xml", "application/xml", "<PhoneBook>");
        assertServed("directory-cisco.xml", "application/xml", "<Telephone>+15550102000</Telephone>");
        assertServed("000000000000-directory.xml", "application/xml", "<ct>+15550102000</ct>");
        assertServed("0004f2000002-directory.xml", "application/xml", "<item_list>");
        assertServed("phonebook.xml", "application/xml", "<AddressBook><Contact><LastName>Doe</LastName>");
        String wrongToken = "a".repeat(node.urlToken.current().length());
        assertThat(node.get("/provision/" + wrongToken + "/directory-yealink.xml").statusCode()).isEqualTo(404);

        device("001565000001", "1001", "yealink", "T46S");
        device("a4b239000004", "1001", "cisco", "CP-8841-3PCC");
        Matcher yealink = Pattern.compile("remote_phonebook\\.data\\.1\\.url = http://[^/]+(/provision/.*)")
                .matcher(node.fetch("001565000001.cfg").body());
        assertThat(yealink.find()).as("the Yealink's file points its remote phone book at the folder it came from").isTrue();
        assertThat(node.get(yealink.group(1).strip()).body()).contains("<Name>Jane Doe</Name>");
        assertThat(node.fetch("spaa4b239000004.xml").body()).contains(node.path("directory-cisco.xml") + "</XML_Directory_Service_URL>");
        assertThat(node.provisioning.render("001565000001").body()).as("an admin's preview has no request URL")
                .doesNotContain("remote_phonebook");
        assertThat(node.fetch("directory-polycom.xml").statusCode()).as("Polycom has its own name").isEqualTo(404);
    }

    private void assertServed(String file, String contentType, String marker) {
        HttpResponse<String> r = node.fetch(file);
        assertThat(r.statusCode()).as("GET /provision/%s: %s", file, r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().as("content type of %s", file).startsWith(contentType);
        assertThat(r.headers().firstValue("Cache-Control")).as("cache control of %s", file).contains("no-store");
        assertThat(r.body()).as("body of %s", file).contains(marker);
    }

    @Test
    void withoutTheUrlTokenEveryVendorPathIs404LikeAnUnknownMac() {
        oneDevicePerVendor();
        String wrongToken = "a".repeat(node.urlToken.current().length());
        HttpResponse<String> unknownMac = node.fetch("001565999999.cfg");
        assertThat(unknownMac.statusCode()).isEqualTo(404);
        for (String file : EVERY_VENDOR_PATH) {
            HttpResponse<String> macOnly = node.get("/provision/" + file);
            assertThat(macOnly.statusCode()).as("GET /provision/%s without the token", file).isEqualTo(404);
            assertThat(macOnly.body()).as("no difference from an unknown MAC: %s", file).isEqualTo(unknownMac.body());
            assertThat(macOnly.headers().firstValue("Content-Type")).isEqualTo(unknownMac.headers().firstValue("Content-Type"));
            assertThat(node.get("/provision/" + wrongToken + "/" + file).statusCode())
                    .as("GET %s with a wrong token", file).isEqualTo(404);
            assertThat(node.fetch(file).statusCode()).as("GET %s with the token", node.path(file)).isEqualTo(200);
            // Two refusals per file: stay below the throttle, which has its own test.
            clock.advance(THROTTLE.window());
        }
    }

    @Test
    void requestsWithoutTheTokenCountAsScanning() {
        device("001565000001", "1001", "yealink", "T46S");
        for (int i = 0; i < THROTTLE.maxMisses(); i++) {
            assertThat(node.get("/provision/001565000001.cfg").statusCode()).as("MAC-only request %d", i).isEqualTo(404);
        }
        assertThat(node.fetch("001565000001.cfg").statusCode()).as("with the token, from a blocked address").isEqualTo(429);
    }

    @Test
    void aFileNameOfAnotherVendorsSchemeIs404() {
        device("001565000001", "1001", "yealink", "T46S");
        assertThat(node.fetch("cfg001565000001.xml").statusCode()).as("Grandstream name for a Yealink").isEqualTo(404);
        assertThat(node.fetch("spa001565000001.xml").statusCode()).as("Cisco name for a Yealink").isEqualTo(404);
        assertThat(node.fetch("001565000001-phone.cfg").statusCode()).as("Polycom settings for a Yealink").isEqualTo(404);
    }

    @Test
    void unknownMacAndNonsenseNamesAre404() {
        assertThat(node.fetch("001565999999.cfg").statusCode()).isEqualTo(404);
        assertThat(node.fetch("..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
        assertThat(node.fetch("index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void aFetchRecordsLastProvisioned() {
        device("001565000001", "1001", "yealink", "T46S");
        assertThat(node.fetch("001565000001.cfg").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(node.devices.findByMac("001565000001").orElseThrow().lastProvisionedAt())
                        .isEqualTo(clock.instant()));
    }

    @Test
    void aDeviceWithAStaticIpIsServedOnlyToThatAddress() {
        device("001565000001", "1001", "yealink", "T46S");
        node.provisioning.setStaticIp("001565000001", "192.0.2.10", "test");
        assertThat(node.fetch("001565000001.cfg").statusCode()).as("fetch from 127.0.0.1, static IP 192.0.2.10").isEqualTo(404);
        node.provisioning.setStaticIp("001565000001", "127.0.0.1", "test");
        assertThat(node.fetch("001565000001.cfg").statusCode()).as("fetch from 127.0.0.1, static IP 127.0.0.1").isEqualTo(200);
    }

    @Test
    void aScannerIsAnswered429UntilTheBlockEnds() {
        device("001565000001", "1001", "yealink", "T46S");
        for (int i = 0; i < THROTTLE.maxMisses(); i++) {
            assertThat(node.fetch("0015659000%02d.cfg".formatted(i)).statusCode()).as("guess %d", i).isEqualTo(404);
        }
        HttpResponse<String> blocked = node.fetch("001565000001.cfg");
        assertThat(blocked.statusCode()).as("a known MAC from a blocked address").isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).contains("300");

        clock.advance(THROTTLE.blockFor());
        assertThat(node.fetch("001565000001.cfg").statusCode()).as("after the block").isEqualTo(200);
    }

    @Test
    void missesSpreadOverMoreThanTheWindowDoNotBlock() {
        device("001565000001", "1001", "yealink", "T46S");
        for (int i = 0; i < THROTTLE.maxMisses() * 2; i++) {
            assertThat(node.fetch("0015659000%02d.cfg".formatted(i)).statusCode()).isEqualTo(404);
            clock.advance(THROTTLE.window().dividedBy(THROTTLE.maxMisses() - 1));
        }
        assertThat(node.fetch("001565000001.cfg").statusCode()).isEqualTo(200);
    }
}
