package org.switchboard.pbx.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void hashIsAPhcStringThatVerifiesOnlyTheSameSecret() {
        String encoded = hasher.hash("correct horse");
        assertThat(encoded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse", encoded)).isTrue();
        assertThat(hasher.matches("correct horsf", encoded)).isFalse();
    }

    @Test
    void sameSecretGetsADifferentSaltEachTime() {
        assertThat(hasher.hash("1234")).isNotEqualTo(hasher.hash("1234"));
    }

    @Test
    void hashMadeWithOtherCostParametersStillVerifies() {
        String cheap = new Argon2PasswordHasher(64, 1, 1).hash("pin 9876");
        assertThat(hasher.matches("pin 9876", cheap)).isTrue();
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertThat(hasher.matches("x", "")).isFalse();
        assertThat(hasher.matches("x", "plain")).isFalse();
        assertThat(hasher.matches("x", "$argon2i$v=19$m=64,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=zz,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=64,t=1,p=1$!!!$AAAA")).isFalse();
        assertThat(hasher.matches("x", "$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA")).isFalse();
    }
}
