package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.sip.transport.TlsCertificates;

/** A STIR/SHAKEN file that cannot be used stops {@code run} with exit code 2 and names the key and the file. */
class StirShakenStartTest {
    @TempDir
    Path dir;

    @Test
    void aPrivateKeyFileThatIsNotAKeyStopsTheStartWithExitCode2() throws IOException {
        // The operator swapped the files: a real certificate where the key belongs.
        Path key = TlsCertificates.selfSigned(dir.resolve("tls"), "pbx.example.net").certificate();
        Path config = Files.writeString(dir.resolve("switchboard.yml"), """
                data_dir: %s
                sip: {port: 0, tls_port: 0}
                http: {port: 0}
                stir_shaken:
                  private_key: %s
                  certificate: %s
                  x5u: https://certs.example.net/sp.pem
                """.formatted(dir.resolve("data"), key, dir.resolve("absent.pem")));

        CliRun run = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRun.of(Map.of(), "run", "--config", config.toString()));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("error: stir_shaken.private_key: " + key.toAbsolutePath() + " holds a certificate, not a private key");
    }
}
