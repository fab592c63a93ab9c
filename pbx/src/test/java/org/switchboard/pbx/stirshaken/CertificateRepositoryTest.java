package org.switchboard.pbx.stirshaken;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificateRepositoryTest {

    @Test
    void cacheControlMaxAgeIsHonouredAndBounded() {
        assertThat(CertificateRepository.ttl(Optional.of("public, max-age=600"))).isEqualTo(Duration.ofMinutes(10));
        assertThat(CertificateRepository.ttl(Optional.of("max-age=31536000"))).isEqualTo(CertificateRepository.MAX_TTL);
        assertThat(CertificateRepository.ttl(Optional.of("no-store"))).isEqualTo(Duration.ZERO);
        assertThat(CertificateRepository.ttl(Optional.of("no-cache, max-age=600"))).isEqualTo(Duration.ZERO);
        assertThat(CertificateRepository.ttl(Optional.of("s-maxage=5"))).isEqualTo(CertificateRepository.DEFAULT_TTL);
        assertThat(CertificateRepository.ttl(Optional.empty())).isEqualTo(CertificateRepository.DEFAULT_TTL);
    }
}
