package org.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.stirshaken.StirShakenSettings;

class StirShakenConfigTest {
    @TempDir
    Path dir;

    private StirShakenSettings load(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("switchboard.yml"), yaml);
        return new ConfigLoader(Map.of()).load(file, true).stirShaken();
    }

    private List<String> problems(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("switchboard.yml"), yaml);
        try {
            new ConfigLoader(Map.of()).load(file, true);
        } catch (ConfigException e) {
            return e.problems().stream().map(p -> p.toString().replace(file.toString(), "FILE")).toList();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void offByDefaultWithSixtySecondWindow() throws IOException {
        StirShakenSettings settings = load("");

        assertThat(settings.signs()).isFalse();
        assertThat(settings.verifies()).isFalse();
        assertThat(settings.iatWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.verifyTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.rejectFailed()).isFalse();
        assertThat(settings.allowHttpX5u()).isFalse();
    }

    @Test
    void readsEveryKey() throws IOException {
        StirShakenSettings settings = load("""
                stir_shaken:
                  private_key: /etc/sti/sp.key
                  certificate: /etc/sti/sp.pem
                  x5u: https://certs.example.net/sp.pem
                  trust_anchors: /etc/sti/ca.pem
                  own_numbers: "+1 555 000 1000, 15550001001"
                  iat_window: 30s
                  fetch_timeout: 1s
                  verify_timeout: 2s
                  reject_failed: true
                  allow_http_x5u: true
                """);

        assertThat(settings).isEqualTo(new StirShakenSettings(Optional.of(Path.of("/etc/sti/sp.key")),
                Optional.of(Path.of("/etc/sti/sp.pem")), Optional.of(URI.create("https://certs.example.net/sp.pem")),
                Optional.of(Path.of("/etc/sti/ca.pem")), List.of("+1 555 000 1000", "15550001001"), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(2), true, true));
        assertThat(settings.signs()).isTrue();
        assertThat(settings.verifies()).isTrue();
    }

    @Test
    void halfASigningSetupABadUrlAndABadNumberAreProblems() throws IOException {
        assertThat(problems("""
                stir_shaken:
                  private_key: /etc/sti/sp.key
                  own_numbers: "15550001000, alice"
                """)).containsExactly(
                "FILE:2: stir_shaken.private_key: signing needs stir_shaken.private_key, stir_shaken.certificate, "
                        + "stir_shaken.x5u all set; missing: [stir_shaken.certificate, stir_shaken.x5u]",
                "FILE:3: stir_shaken.own_numbers: 'alice' is not a telephone number (digits, optionally +, spaces, - . ( ))");
        assertThat(problems("stir_shaken:\n  x5u: ftp://certs.example.net/sp.pem\n"))
                .contains("FILE:2: stir_shaken.x5u: must be the https:// URL where the certificate is published, "
                        + "got 'ftp://certs.example.net/sp.pem'");
        assertThatThrownBy(() -> load("stir_shaken:\n  iat_window: 60\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("stir_shaken.iat_window");
    }
}
