package org.switchboard.pbx.stirshaken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.stirshaken.testkit.StiPki;
import org.switchboard.store.db.ValidationException;

class IdentitySignerTest {
    private static final Instant NOW = Instant.parse("2026-12-07T19:00:00Z");
    private static final URI X5U = URI.create("https://cert.example.net/sp.pem");
    private static final StiPki.Issued CA = StiPki.rootCa("CN=Test STI-CA", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    private static final StiPki.Issued SP = StiPki.serviceProvider(CA, "CN=Switchboard SP", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(30)));

    @TempDir
    Path dir;

    private IdentitySigner signer() {
        return IdentitySigner.of((java.security.interfaces.ECPrivateKey) SP.privateKey(), SP.certificate(), X5U);
    }

    @Test
    void identityHeaderCarriesTheCompactJwsThenInfoAlgAndPpt() {
        IdentityHeader header = signer().sign(Attestation.A, "+1 555 000 1000", "15550002000", NOW);

        assertThat(header.toString()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+;info=<https://cert\\.example\\.net/sp\\.pem>;alg=ES256;ppt=shaken");
    }

    @Test
    void passportHeaderAndClaimsAreTheShakenOnes() throws Exception {
        UUID origid = UUID.randomUUID();
        IdentityHeader header = signer().sign(new PassportClaims(Attestation.B, "+15550001000", List.of("15550002000"), NOW, origid));

        JWSObject jws = JWSObject.parse(header.jws());
        assertThat(jws.getHeader().toJSONObject()).containsEntry("alg", "ES256").containsEntry("ppt", "shaken")
                .containsEntry("typ", "passport").containsEntry("x5u", X5U.toString());
        // RFC 8225 §9: keys in lexicographic order, no white space.
        assertThat(jws.getPayload().toString()).isEqualTo("{\"attest\":\"B\",\"dest\":{\"tn\":[\"15550002000\"]},\"iat\":"
                + NOW.getEpochSecond() + ",\"orig\":{\"tn\":\"15550001000\"},\"origid\":\"" + origid + "\"}");
    }

    @Test
    void signatureIsTheRawSixtyFourByteRAndSPairThatTheJdkVerifiesInP1363Form() throws Exception {
        IdentityHeader header = signer().sign(Attestation.A, "15550001000", "15550002000", NOW);
        String[] parts = header.jws().split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);

        assertThat(signature).hasSize(64); // DER would be 70-72 bytes starting with 0x30
        Signature p1363 = Signature.getInstance("SHA256withECDSAinP1363Format");
        p1363.initVerify(SP.certificate().getPublicKey());
        p1363.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(p1363.verify(signature)).isTrue();
    }

    @Test
    void keyAndCertificateLoadFromPemFilesInSec1AndPkcs8Form() throws Exception {
        Path cert = Files.writeString(dir.resolve("sp.pem"), StiPki.pem(SP.certificate()));
        Path sec1 = Files.writeString(dir.resolve("sec1.key"), StiPki.sec1Pem(SP.privateKey()));
        Path pkcs8 = Files.writeString(dir.resolve("pkcs8.key"), StiPki.pkcs8Pem(SP.privateKey()));

        assertThat(Files.readString(sec1)).startsWith("-----BEGIN EC PRIVATE KEY-----");
        for (Path key : List.of(sec1, pkcs8)) {
            IdentityHeader header = IdentitySigner.load(key, cert, X5U).sign(Attestation.A, "15550001000", "15550002000", NOW);
            assertThat(JWSObject.parse(header.jws()).verify(new com.nimbusds.jose.crypto.ECDSAVerifier(
                    (java.security.interfaces.ECPublicKey) SP.certificate().getPublicKey()))).as(key.toString()).isTrue();
        }
    }

    @Test
    void aKeyFromAnotherPairStopsTheStartNamingBothFiles() throws Exception {
        Path cert = Files.writeString(dir.resolve("sp.pem"), StiPki.pem(SP.certificate()));
        Path otherKey = Files.writeString(dir.resolve("other.key"), StiPki.sec1Pem(StiPki.p256().getPrivate()));

        assertThatThrownBy(() -> IdentitySigner.load(otherKey, cert, X5U))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stir_shaken.private_key"))
                .hasMessageContaining(otherKey.toAbsolutePath().toString()).hasMessageContaining("does not belong to the certificate")
                .hasMessageContaining(cert.toAbsolutePath().toString());
    }

    @Test
    void missingGarbageAndWrongKindsOfFilesAreErrorsNamingKeyAndFile() throws Exception {
        Path cert = Files.writeString(dir.resolve("sp.pem"), StiPki.pem(SP.certificate()));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a pem file\n");
        Path missing = dir.resolve("missing.pem");
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaKey = Files.writeString(dir.resolve("rsa.key"), StiPki.pkcs8Pem(rsa.generateKeyPair().getPrivate()));
        Path p384 = dir.resolve("p384.key");
        java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        Files.writeString(p384, StiPki.pkcs8Pem(ec.generateKeyPair().getPrivate()));

        Map<Path, String> badKeys = Map.of(garbage, "holds no PEM private key", missing, "cannot be read",
                rsaKey, "holds a RSA key; STIR/SHAKEN needs an EC P-256", p384, "needs an EC P-256");
        badKeys.forEach((key, why) -> assertThatThrownBy(() -> IdentitySigner.load(key, cert, X5U))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stir_shaken.private_key"))
                .hasMessageContaining(key.toAbsolutePath().toString()).hasMessageContaining(why));
        Path key = Files.writeString(dir.resolve("sp.key"), StiPki.sec1Pem(SP.privateKey()));
        for (Path badCert : List.of(garbage, missing)) {
            assertThatThrownBy(() -> IdentitySigner.load(key, badCert, X5U))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stir_shaken.certificate"))
                    .hasMessageContaining(badCert.toAbsolutePath().toString());
        }
        assertThatThrownBy(() -> TrustAnchors.load(garbage))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stir_shaken.trust_anchors"))
                .hasMessageContaining(garbage.toAbsolutePath().toString());
    }
}
