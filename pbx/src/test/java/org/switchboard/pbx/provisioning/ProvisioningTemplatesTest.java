package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.pbx.provisioning.FunctionKey.BlfKey;
import org.switchboard.pbx.provisioning.FunctionKey.LineKey;
import org.w3c.dom.Document;

class ProvisioningTemplatesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    // Characters that break XML or a key=value line if a template forgot to escape.
    private static final String AWKWARD_NAME = "Zoë & \"Bob\" <Reception> 'A'";
    private static final String AWKWARD_PASSWORD = "p<a>ss&w\"o'rd=#;";

    private static final SiteSettings SITE = new SiteSettings("pbx.example.com", 5062, SipTransport.TCP, "*97",
            ZoneId.of("Europe/Berlin"), "pool.ntp.org", List.of(Codec.G722, Codec.PCMA, Codec.PCMU, Codec.OPUS));

    private final ProvisioningTemplates templates = new ProvisioningTemplates(Optional.empty(), CLOCK);

    static ProvisioningContext context(Vendor vendor, String displayName, String password) {
        return new ProvisioningContext(new MacAddress("001565123456"), vendor, PhoneModels.of(vendor).get(0),
                new SipAccount("1001", displayName, "u1001", password), SITE,
                List.of(new BlfKey(3, "1003", "Carol & Co"), new LineKey(1, "Line"), new BlfKey(2, "1002", "Bob")));
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String xpath(Document doc, String expr) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expr, doc);
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = {"POLYCOM", "GRANDSTREAM", "CISCO", "SNOM"})
    void xmlVendorsProduceWellFormedXmlEvenWithAwkwardValues(Vendor vendor) throws Exception {
        RenderedFile file = templates.render(context(vendor, AWKWARD_NAME, AWKWARD_PASSWORD),
                vendor == Vendor.POLYCOM ? DeviceFileKind.PHONE_SETTINGS : DeviceFileKind.MAIN);

        assertThat(file.contentType()).startsWith("application/xml");
        Document doc = xml(file.body());
        assertThat(doc.getDocumentElement()).isNotNull();
        // The values survive escaping: the parsed document holds them unchanged.
        String expr = switch (vendor) {
            case POLYCOM -> "string(/PHONE_CONFIG/reg/@*[name()='reg.1.displayName'])";
            case GRANDSTREAM -> "string(//config/P3)";
            case CISCO -> "string(/flat-profile/Display_Name_1_)";
            case SNOM -> "string(//user_realname)";
            default -> throw new AssertionError(vendor);
        };
        assertThat(xpath(doc, expr)).as("display name in %s file", vendor).isEqualTo(AWKWARD_NAME);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void everyCatalogueModelRendersInEveryZoneShape(Vendor vendor) throws Exception {
        for (String zone : List.of("UTC", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Asia/Jerusalem")) {
            SiteSettings site = new SiteSettings("10.0.0.1", 5061, SipTransport.TLS, "8500", ZoneId.of(zone), "ntp.example.org",
                    List.of(Codec.values()));
            for (String model : PhoneModels.of(vendor)) {
                ProvisioningContext ctx = new ProvisioningContext(new MacAddress("001565123456"), vendor, model,
                        new SipAccount("1001", AWKWARD_NAME, "1001", AWKWARD_PASSWORD), site,
                        List.of(new LineKey(1, "L1"), new BlfKey(7, "1007", "Seven"), new BlfKey(120, "1120", "Last")));
                RenderedFile file = templates.render(ctx, DeviceFileKind.MAIN);
                if (file.contentType().startsWith("application/xml")) {
                    xml(file.body());
                }
                assertThat(file.body()).as("%s %s in %s", vendor, model, zone).doesNotContain("\r").doesNotContain("${");
            }
        }
    }

    @Test
    void polycomSettingsCarryAccountServerTimeCodecsAndBlf() throws Exception {
        Document doc = xml(templates.render(context(Vendor.POLYCOM, "Alice", "secret"), DeviceFileKind.PHONE_SETTINGS).body());
        assertThat(xpath(doc, "string(//reg/@*[name()='reg.1.auth.password'])")).isEqualTo("secret");
        assertThat(xpath(doc, "string(//reg/@*[name()='reg.1.server.1.port'])")).isEqualTo("5062");
        assertThat(xpath(doc, "string(//reg/@*[name()='reg.1.server.1.transport'])")).isEqualTo("TCPOnly");
        assertThat(xpath(doc, "string(//tcpIpApp/@*[name()='tcpIpApp.sntp.gmtOffset'])")).isEqualTo("3600");
        assertThat(xpath(doc, "string(//voice/@*[name()='voice.codecPref.G722'])")).isEqualTo("1");
        assertThat(xpath(doc, "string(//voice/@*[name()='voice.codecPref.G711_Mu'])")).isEqualTo("3");
        assertThat(xpath(doc, "string(//voice/@*[name()='voice.codecPref.G729_AB'])")).isEqualTo("0");
        assertThat(xpath(doc, "string(//attendant/@*[name()='attendant.resourceList.2.address'])")).isEqualTo("1003");
    }

    @Test
    void polycomMainFileNamesThePhoneSettingsFile() throws Exception {
        Document doc = xml(templates.render(context(Vendor.POLYCOM, "Alice", "secret"), DeviceFileKind.MAIN).body());
        assertThat(xpath(doc, "string(/APPLICATION/@CONFIG_FILES)")).isEqualTo("001565123456-phone.cfg");
    }

    @Test
    void phoneSettingsFileExistsOnlyForPolycom() {
        assertThatThrownBy(() -> templates.render(context(Vendor.YEALINK, "Alice", "secret"), DeviceFileKind.PHONE_SETTINGS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grandstreamUsesPValuesForAccountCodecsTimeZoneAndBlf() throws Exception {
        Document doc = xml(templates.render(context(Vendor.GRANDSTREAM, "Alice", "secret"), DeviceFileKind.MAIN).body());
        assertThat(xpath(doc, "string(/gs_provision/mac)")).isEqualTo("001565123456");
        assertThat(xpath(doc, "string(//P47)")).isEqualTo("pbx.example.com:5062");
        assertThat(xpath(doc, "string(//P34)")).isEqualTo("secret");
        assertThat(xpath(doc, "string(//P130)")).isEqualTo("1");
        assertThat(xpath(doc, "concat(//P57, ',', //P58, ',', //P59, ',', //P60)")).isEqualTo("9,8,0,123");
        assertThat(xpath(doc, "string(//P64)")).isEqualTo("CET-1CEST-2,M3.5.0/02:00:00,M10.5.0/03:00:00");
        // BLF on key 2: mode P324, name P305, value P306
        assertThat(xpath(doc, "concat(//P324, ',', //P305, ',', //P306)")).isEqualTo("1,Bob,1002");
    }

    @Test
    void ciscoFlatProfileHasLineAndBlfKeys() throws Exception {
        Document doc = xml(templates.render(context(Vendor.CISCO, "Alice", "secret"), DeviceFileKind.MAIN).body());
        assertThat(xpath(doc, "string(/flat-profile/Proxy_1_)")).isEqualTo("pbx.example.com:5062");
        assertThat(xpath(doc, "string(/flat-profile/Time_Zone)")).isEqualTo("GMT+01:00");
        assertThat(xpath(doc, "string(/flat-profile/Preferred_Codec_1_)")).isEqualTo("G722");
        assertThat(xpath(doc, "string(/flat-profile/Extension_1_)")).isEqualTo("1");
        assertThat(xpath(doc, "string(/flat-profile/Extended_Function_3_)"))
                .isEqualTo("fnc=blf+sd+cp;sub=1003@pbx.example.com;nme=Carol & Co");
    }

    @Test
    void snomFunctionKeysAreZeroBased() throws Exception {
        Document doc = xml(templates.render(context(Vendor.SNOM, "Alice", "secret"), DeviceFileKind.MAIN).body());
        assertThat(xpath(doc, "string(//fkey[@idx='0'])")).isEqualTo("line");
        assertThat(xpath(doc, "string(//fkey[@idx='1'])")).isEqualTo("blf <sip:1002@pbx.example.com>");
        assertThat(xpath(doc, "string(//user_host)")).isEqualTo("pbx.example.com:5062;transport=tcp");
        assertThat(xpath(doc, "string(//codec_priority_list)")).isEqualTo("g722,pcma,pcmu,opus,telephone-event");
    }

    @Test
    void yealinkFileIsVersionedKeyValueLines() {
        RenderedFile file = templates.render(context(Vendor.YEALINK, AWKWARD_NAME, AWKWARD_PASSWORD), DeviceFileKind.MAIN);

        assertThat(file.contentType()).startsWith("text/plain");
        List<String> lines = file.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("#!version:1.0.0.1");
        assertThat(lines).filteredOn(l -> !l.isBlank() && !l.startsWith("#"))
                .allSatisfy(l -> assertThat(l).matches("[a-z0-9_.]+ = .*"));
        assertThat(lines).contains(
                "account.1.display_name = " + AWKWARD_NAME,
                "account.1.password = " + AWKWARD_PASSWORD,
                "account.1.auth_name = u1001",
                "account.1.sip_server.1.port = 5062",
                "account.1.sip_server.1.transport_type = 1",
                "account.1.codec.g722.priority = 1",
                "account.1.codec.g729.enable = 0",
                "local_time.time_zone = +1",
                "local_time.summer_time = 2",
                "voice_mail.number.1 = *97",
                "linekey.1.type = 15",
                "linekey.2.type = 16",
                "linekey.2.value = 1002",
                "linekey.3.label = Carol & Co");
    }

    @Test
    void fanvilFileHasItsSectionsAndNoStrayLines() {
        String body = templates.render(context(Vendor.FANVIL, "Alice", "secret"), DeviceFileKind.MAIN).body();
        List<String> lines = body.lines().toList();
        assertThat(lines.get(0)).startsWith("<<VOIP CONFIG FILE>>");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("<<END OF FILE>>");
        assertThat(lines).filteredOn(l -> !l.isBlank() && !l.startsWith("<"))
                .allSatisfy(l -> assertThat(l).matches("[-A-Za-z0-9 ]+:.*"));
        assertThat(lines).contains("SIP1 Register Pswd :secret", "SIP1 Codec Order   :G722,G711A,G711U,OPUS",
                "Fkey2 Value     :1002@1/b");
    }

    @Test
    void commonFilesExistForYealinkAndPolycomOnly() throws Exception {
        assertThat(templates.renderCommon(Vendor.YEALINK, SITE).orElseThrow().body())
                .startsWith("#!version:1.0.0.1").contains("local_time.ntp_server1 = pool.ntp.org");
        Document polycom = xml(templates.renderCommon(Vendor.POLYCOM, SITE).orElseThrow().body());
        assertThat(xpath(polycom, "string(/APPLICATION/@CONFIG_FILES)")).isEqualTo("[PHONE_MAC_ADDRESS]-phone.cfg");
        assertThat(templates.renderCommon(Vendor.CISCO, SITE)).isEmpty();
    }

    @Test
    void noPasswordOrNameIsLostWhenNoKeysAreConfigured() throws Exception {
        ProvisioningContext bare = new ProvisioningContext(new MacAddress("000b82123456"), Vendor.GRANDSTREAM, "GXP2170",
                new SipAccount("1001", "Alice", "1001", "secret"), SITE, List.of());
        Document doc = xml(templates.render(bare, DeviceFileKind.MAIN).body());
        assertThat(xpath(doc, "count(//P323)")).isEqualTo("0");
        assertThat(xpath(doc, "string(//P3)")).isEqualTo("Alice");
    }

    @Test
    void overrideDirectoryWinsForTheSameRelativePathOnly(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("yealink"));
        Files.writeString(dir.resolve("yealink/device.cfg.ftl"), "#!version:1.0.0.1\ncustom = ${account.extension}\n");
        ProvisioningTemplates withOverride = new ProvisioningTemplates(Optional.of(dir), CLOCK);

        assertThat(withOverride.render(context(Vendor.YEALINK, "Alice", "secret"), DeviceFileKind.MAIN).body())
                .isEqualTo("#!version:1.0.0.1\ncustom = 1001\n");
        assertThat(withOverride.render(context(Vendor.FANVIL, "Alice", "secret"), DeviceFileKind.MAIN).body())
                .contains("SIP1 Phone Number  :1001");
    }

    @Test
    void missingOverrideDirectoryFallsBackToShippedTemplates(@TempDir Path dir) {
        ProvisioningTemplates t = new ProvisioningTemplates(Optional.of(dir.resolve("absent")), CLOCK);
        assertThat(t.render(context(Vendor.YEALINK, "Alice", "secret"), DeviceFileKind.MAIN).body())
                .contains("account.1.user_name = 1001");
    }

    @Test
    void brokenOverrideIsATypedErrorNamingTheTemplate(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("cisco"));
        Files.writeString(dir.resolve("cisco/device.xml.ftlx"), "<flat-profile>${account.nickname}</flat-profile>");
        ProvisioningTemplates t = new ProvisioningTemplates(Optional.of(dir), CLOCK);

        assertThatThrownBy(() -> t.render(context(Vendor.CISCO, "Alice", "secret"), DeviceFileKind.MAIN))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("cisco/device.xml.ftlx")
                .hasMessageContaining("nickname");
    }

    @Test
    void templatesCannotInstantiateJavaClasses(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("fanvil"));
        Files.writeString(dir.resolve("fanvil/device.cfg.ftl"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        ProvisioningTemplates t = new ProvisioningTemplates(Optional.of(dir), CLOCK);

        assertThatThrownBy(() -> t.render(context(Vendor.FANVIL, "Alice", "secret"), DeviceFileKind.MAIN))
                .isInstanceOf(TemplateRenderException.class);
    }
}
