package org.switchboard.pbx.stirshaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.stirshaken.AttestationRule.CallSource;

class AttestationRuleTest {
    private final AttestationRule rule = new AttestationRule(List.of("+1 (555) 000-1000", "15550001001"));

    @Test
    void ourExtensionWithOurNumberIsAWithAnotherNumberBAndAGatewayCallIsC() {
        assertThat(rule.attest(CallSource.EXTENSION, "15550001000")).isEqualTo(Attestation.A);
        assertThat(rule.attest(CallSource.EXTENSION, "+1-555-000-1001")).isEqualTo(Attestation.A);
        assertThat(rule.attest(CallSource.EXTENSION, "15559999999")).isEqualTo(Attestation.B);
        assertThat(rule.attest(CallSource.EXTENSION, "anonymous")).isEqualTo(Attestation.B);
        assertThat(rule.attest(CallSource.GATEWAY, "15550001000")).isEqualTo(Attestation.C);
    }
}
