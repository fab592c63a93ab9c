package org.switchboard.pbx.stirshaken;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerstatMarkerTest {

    @Test
    void telAndSipNumbersInAssertedIdentityGetVerstatReplacingTheCarriers() {
        var invite = CallNumbersTest.invite("<tel:+15550009000;verstat=TN-Validation-Passed>, "
                + "<sip:+15550009000;npdi;verstat=TN-Validation-Passed@carrier.test;user=phone>, <sip:alice@carrier.test>");

        var marked = VerstatMarker.mark(invite, Verstat.TN_VALIDATION_FAILED);

        assertThat(marked.headers().first("P-Asserted-Identity")).contains("<tel:+15550009000;verstat=TN-Validation-Failed>, "
                + "<sip:+15550009000;npdi;verstat=TN-Validation-Failed@carrier.test;user=phone>, <sip:alice@carrier.test>");
    }

    @Test
    void withoutAssertedIdentityTheFromIdentityIsAssertedWithVerstat() {
        var marked = VerstatMarker.mark(CallNumbersTest.invite(null), Verstat.TN_VALIDATION_PASSED);

        assertThat(marked.headers().all("P-Asserted-Identity"))
                .containsExactly("\"Carrier\" <sip:+1-555-000-1000;verstat=TN-Validation-Passed@carrier.test;user=phone>");
    }
}
