package org.switchboard.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.api.provisioning.ProvisioningNode.json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.http.TlsIdentity;
import org.switchboard.pbx.provisioning.DeviceInput;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.sip.transport.TlsCertificates;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Phones fetching their files over HTTPS on the HTTP port, with the certificate the SIP TLS
 * listener uses, as a client that trusts exactly that certificate.
 */
class ProvisioningHttpsTest {
    private static final String FILE = "001565000001.cfg";

    @TempDir
    Path tlsDir;
    private TestDatabase db;
    private ProvisioningNode node;
    private TlsCertificates.PemPair pair;

    @BeforeEach
    void start() {
        db = TestDatabases.sqlite();
        pair = TlsCertificates.selfSigned(tlsDir, "127.0.0.1");
        node = new ProvisioningNode(db.database(), DeviceSecretCipher.newKey(), new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
                ScanThrottle.Settings.defaults(), Optional.of(new TlsIdentity(pair.certificate(), pair.privateKey())), false);
        node.extension("1001", "Alice");
        node.provisioning.save(DeviceInput.parse("001565000001", "1001", "yealink", "T46S"), "test");
    }

    @AfterEach
    void stop() {
        node.close();
        db.close();
    }

    @Test
    void aClientTrustingTheServerCertificateFetchesTheFileOverHttps() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(trusting(pair.certificate())).build()) {
            HttpResponse<String> r = client.send(get("https", node.path(FILE)), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("#!version:1.0.0.1");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(client.send(get("https", "/provision/" + FILE), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("the token is needed over HTTPS too").isEqualTo(404);
        }
    }

    @Test
    void plainHttpStillAnswersOnTheSamePort() {
        assertThat(node.fetch(FILE).statusCode()).isEqualTo(200);
    }

    @Test
    void withHttpsOnlyPlainHttpGets404AndHttpsTheFile() throws Exception {
        node.close();
        node = new ProvisioningNode(db.database(), DeviceSecretCipher.newKey(), new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
                ScanThrottle.Settings.defaults(), Optional.of(new TlsIdentity(pair.certificate(), pair.privateKey())), true);
        node.provisioning.save(DeviceInput.parse("001565000002", "1001", "yealink", "T46S"), "test");
        assertThat(node.fetch("001565000002.cfg").statusCode()).as("plain HTTP with the token").isEqualTo(404);
        try (HttpClient client = HttpClient.newBuilder().sslContext(trusting(pair.certificate())).build()) {
            assertThat(client.send(get("https", node.path("001565000002.cfg")), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as("HTTPS").isEqualTo(200);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateGetsNothing() {
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> client.send(get("https", node.path(FILE)), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void theApiNamesTheHttpsUrl() {
        String url = json(node.send("GET", "/api/provisioning/access", node.login(), null)).get("https_url").asText();
        assertThat(url).isEqualTo("https://127.0.0.1:" + node.server.port() + "/provision/" + node.urlToken.current() + "/");
    }

    @Test
    void aKeyFileThatIsNotPkcs8IsRefusedNamingTheFile() throws IOException {
        Path key = tlsDir.resolve("broken.key");
        Files.writeString(key, "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new TlsIdentity(pair.certificate(), key).keyStore("a", "p".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key.toString())
                .hasMessageContaining("PKCS#8");
    }

    private HttpRequest get(String scheme, String path) {
        return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + node.server.port() + path)).GET().build();
    }

    private static SSLContext trusting(Path certificate) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("switchboard", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
