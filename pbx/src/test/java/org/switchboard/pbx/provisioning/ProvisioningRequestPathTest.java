package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.pbx.provisioning.ProvisioningRequest.CommonFile;
import org.switchboard.pbx.provisioning.ProvisioningRequest.DeviceFile;

class ProvisioningRequestPathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
        /provision/001565123456.cfg,            001565123456, -,           -,    MAIN
        /provision/0004F2ABCDEF.cfg,            0004f2abcdef, -,           -,    MAIN
        /provision/0004f2abcdef-phone.cfg,      0004f2abcdef, POLYCOM,     -,    PHONE_SETTINGS
        /provision/cfg000b82123456.xml,         000b82123456, GRANDSTREAM, -,    MAIN
        /provision/cfg000b82123456,             000b82123456, GRANDSTREAM, -,    MAIN
        /provision/spa0023eb123456.xml,         0023eb123456, CISCO,       -,    MAIN
        /provision/SPA0023EB123456.xml,         0023eb123456, CISCO,       -,    MAIN
        /provision/snomD785-000413A1B2C3.htm,   000413a1b2c3, SNOM,        D785, MAIN
        /provision/snom710-000413A1B2C3.htm,    000413a1b2c3, SNOM,        710,  MAIN
        /provision/000413a1b2c3.xml,            000413a1b2c3, SNOM,        -,    MAIN
        """)
    void deviceFilesNameTheirMacAndVendorHint(String path, String mac, Vendor hint, String model, DeviceFileKind kind) {
        assertThat(ProvisioningRequestPath.parse(path)).as(path).contains(
                new DeviceFile(new MacAddress(mac), Optional.ofNullable(hint), Optional.ofNullable(model), kind));
    }

    @Test
    void polycomSharedMainFileIsACommonFileNotAMac() {
        assertThat(ProvisioningRequestPath.parse("/provision/000000000000.cfg"))
                .contains(new CommonFile(Vendor.POLYCOM, "000000000000.cfg"));
    }

    @Test
    void yealinkFamilyFileIsACommonFile() {
        assertThat(ProvisioningRequestPath.parse("/provision/y000000000066.cfg"))
                .contains(new CommonFile(Vendor.YEALINK, "y000000000066.cfg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/provision/", "/provision/unknown.cfg", "/provision/00156512345.cfg", "/provision/0015651234567.cfg",
        "/provision/ffffffffffff.cfg", "/provision/010000000000.cfg", "/provision/../001565123456.cfg",
        "/provision/sub/001565123456.cfg", "/001565123456.cfg", "/provisioning/001565123456.cfg",
        "/provision/001565123456.cfg.bak", "/provision/001565123456.CFG~", "/provision/cfg001565123456.txt",
        "/provision/spa001565123456.cfg", "/provision/snom-001565123456.htm", "/provision/y00000000006.cfg",
        "/provision/%30%30%31%35%36%35%31%32%33%34%35%36.cfg", "provision/001565123456.cfg", ""})
    void anythingElseIsNotAProvisioningRequest(String path) {
        assertThat(ProvisioningRequestPath.parse(path)).as(path).isEmpty();
    }

    @Test
    void aVeryLongNameIsRefusedWithoutWork() {
        assertThat(ProvisioningRequestPath.parse("/provision/" + "a".repeat(10_000) + ".cfg")).isEmpty();
    }

    @Test
    void vendorHintMustAgreeWithTheStoredVendor() {
        DeviceFile grandstream = (DeviceFile) ProvisioningRequestPath.parse("/provision/cfg000b82123456.xml").orElseThrow();
        assertThat(grandstream.fits(Vendor.GRANDSTREAM)).isTrue();
        assertThat(grandstream.fits(Vendor.YEALINK)).isFalse();

        DeviceFile plain = (DeviceFile) ProvisioningRequestPath.parse("/provision/001565123456.cfg").orElseThrow();
        assertThat(plain.fits(Vendor.YEALINK)).isTrue();
        assertThat(plain.fits(Vendor.FANVIL)).isTrue();
        assertThat(plain.fits(Vendor.POLYCOM)).isTrue();
    }

    @Test
    void polycomSettingsFileFitsOnlyPolycom() {
        DeviceFile settings = (DeviceFile) ProvisioningRequestPath.parse("/provision/0004f2abcdef-phone.cfg").orElseThrow();
        assertThat(settings.fits(Vendor.POLYCOM)).isTrue();
        assertThat(settings.fits(Vendor.YEALINK)).isFalse();
    }
}
