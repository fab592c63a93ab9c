package org.switchboard.api.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.provisioning.ProvisioningNode.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * A phone's fetch as an HTTP client written by others does it: curl (libcurl, which much phone
 * firmware embeds) answering the digest challenge over HTTPS, trusting the server's certificate.
 * So our digest and TLS are checked against an implementation that is not ours.
 */
class ProvisioningCurlIT {
    private static final String MAC = "001565000001";

    @TempDir
    Path tlsDir;
    private TestDatabase db;
    private ProvisioningNode node;
    private TlsCertificates.PemPair pair;
    private String password;

    @BeforeEach
    void start() {
        db = TestDatabases.sqlite();
        pair = TlsCertificates.selfSigned(tlsDir, "127.0.0.1");
        node = new ProvisioningNode(db.database(), DeviceSecretCipher.newKey(), new TestClock(Instant.parse("2026-05-01T10:00:00Z")),
                ScanThrottle.Settings.defaults(), Optional.of(new TlsIdentity(pair.certificate(), pair.privateKey())), false);
        node.extension("1001", "Alice");
        node.provisioning.save(DeviceInput.parse(MAC, "1001", "yealink", "T46S"), "test");
        password = json(node.send("POST", "/api/provisioning/devices/" + MAC + "/http-credentials", node.login(), null))
                .get("password").asText();
    }

    @AfterEach
    void stop() {
        node.close();
        db.close();
    }

    @Test
    void curlWithTheRightDigestPasswordGetsTheFileOverHttps() throws Exception {
        Curl r = curl("https", node.path(MAC + ".cfg"), "--digest", "--user", MAC + ":" + password);
        assertThat(r.status()).as("curl --digest over https: %s", r.body()).isEqualTo(200);
        assertThat(r.body()).contains("#!version:1.0.0.1", "account.1.user_name");
    }

    @Test
    void curlWithAWrongDigestPasswordGets401() throws Exception {
        assertThat(curl("https", node.path(MAC + ".cfg"), "--digest", "--user", MAC + ":wrong").status()).isEqualTo(401);
    }

    @Test
    void curlWithoutTheTokenGets404EvenWithTheRightPassword() throws Exception {
        assertThat(curl("http", "/provision/" + MAC + ".cfg", "--digest", "--user", MAC + ":" + password).status())
                .isEqualTo(404);
    }

    private record Curl(int status, String body) {}

    private Curl curl(String scheme, String path, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--max-time", "20",
                "--cacert", pair.certificate().toString(), "--write-out", "\n%{http_code}"));
        command.addAll(List.of(options));
        command.add(scheme + "://127.0.0.1:" + node.server.port() + path);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("curl finished").isTrue();
        assertThat(process.exitValue()).as("curl exit code, output: %s", out).isZero();
        int cut = out.lastIndexOf('\n');
        return new Curl(Integer.parseInt(out.substring(cut + 1).strip()), out.substring(0, cut));
    }
}
