package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PhoneModelsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
        YEALINK,     sip-t46s,      T46S
        YEALINK,     T46 S,         T46S
        POLYCOM,     VVX_450,       VVX 450
        POLYCOM,     spip_331,      SoundPoint IP 331
        CISCO,       8841,          CP-8841-3PCC
        CISCO,       cp-8841,       CP-8841-3PCC
        CISCO,       spa504g,       SPA504G
        SNOM,        snomD785,      D785
        GRANDSTREAM, gxp2170,       GXP2170
        FANVIL,      x4u,           X4U
        """)
    void looseSpellingsFindTheCanonicalModel(Vendor vendor, String written, String canonical) {
        assertThat(PhoneModels.canonical(vendor, written)).contains(canonical);
    }

    @Test
    void aModelOfAnotherVendorIsUnknown() {
        assertThat(PhoneModels.canonical(Vendor.YEALINK, "GXP2170")).isEmpty();
        assertThat(PhoneModels.canonical(Vendor.CISCO, "")).isEmpty();
        assertThat(PhoneModels.canonical(Vendor.CISCO, null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void everyCatalogueNameIsItsOwnCanonicalForm(Vendor vendor) {
        assertThat(PhoneModels.of(vendor)).isNotEmpty()
                .allSatisfy(m -> assertThat(PhoneModels.canonical(vendor, m)).contains(m));
    }

    @Test
    void vendorIdsAreLowerCaseAndParsedInAnyCase() {
        assertThat(Vendor.GRANDSTREAM.id()).isEqualTo("grandstream");
        assertThat(Vendor.fromId(" Yealink ")).contains(Vendor.YEALINK);
        assertThat(Vendor.fromId("Poly")).contains(Vendor.POLYCOM);
        assertThat(Vendor.fromId("nokia")).isEmpty();
        assertThat(Vendor.fromId(null)).isEmpty();
    }
}
