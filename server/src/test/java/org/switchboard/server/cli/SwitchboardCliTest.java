package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwitchboardCliTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEverySubcommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("run", "migrate", "config", "extension", "backup", "restore");
    }

    @Test
    void subcommandHelpListsItsOwnSubcommands() {
        assertThat(CliRun.of("extension", "--help").out()).contains("add", "list", "remove");
        assertThat(CliRun.of("config", "--help").out()).contains("check");
    }

    @Test
    void noSubcommandIsBadInput() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a subcommand is required");
    }

    @Test
    void unknownOptionIsNamedAndExitsWithTwo() {
        CliRun run = CliRun.of("extension", "list", "--colour");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--colour").doesNotContain("\tat ");
    }

    @Test
    void missingRequiredOptionIsNamed() {
        CliRun run = CliRun.of("extension", "add", "1001", "--password=secret-pass");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--name");
    }

    @Test
    void configCheckAcceptsAValidFile() throws IOException {
        Path file = write("sip:\n  domain: pbx.example.com\nextensions:\n  - {number: '1001', name: Alice, password: alice-password}\n");

        CliRun run = CliRun.of("config", "check", "--config", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("configuration OK", "extensions (1 entries)");
        assertThat(Files.exists(dir.resolve("data"))).as("nothing was opened").isFalse();
    }

    @Test
    void configCheckReportsEveryProblemWithItsLineAndExitsWithTwo() throws IOException {
        Path file = write("""
                sip:
                  prot: 5060
                http:
                  port: 99999
                rtp:
                  port_min: 20000
                  port_max: 10000
                extensions:
                  - number: x1
                    name: Alice
                    password: alice-password
                """);

        CliRun run = CliRun.of("config", "check", "-c", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(
                file + ":2: sip.prot: unknown key (did you mean 'port'?)",
                file + ":4: http.port: must be between 0 and 65535, got 99999",
                file + ":6: rtp.port_min: must be below rtp.port_max",
                file + ":9: extensions[1].number: must be 2 to 10 digits",
                "problems in the configuration; nothing was started");
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void configCheckReportsWrongTypes() throws IOException {
        Path file = write("sip:\n  port: [5060]\n");

        CliRun run = CliRun.of("config", "check", "-c", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":2: sip.port: must be a single value, got a list");
    }

    @Test
    void configCheckReportsMalformedYaml() throws IOException {
        Path file = write("sip: {port: 5060\n");

        CliRun run = CliRun.of("config", "check", "-c", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":1: not valid YAML: while parsing a flow mapping; expected ',' or '}', but got <stream end>");
    }

    @Test
    void configCheckNamesABadEnvironmentVariable() {
        CliRun run = CliRun.of(Map.of("SWITCHBOARD_SIP_PORT", "0"), "config", "check", "-c", dir.resolve("none.yml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("none.yml: file not found");
    }

    @Test
    void environmentProblemsWithTheDefaultFileMissing() {
        CliRun run = CliRun.of(Map.of("SWITCHBOARD_SIP_PORT", "70000"), "config", "check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("environment SWITCHBOARD_SIP_PORT: sip.port: must be between 0 and 65535, got 70000");
    }

    @Test
    void unreachableDatabaseIsAFailureWithoutAStackTrace() throws IOException {
        Path file = write("database:\n  url: jdbc:postgresql://127.0.0.1:1/nothing\n  user: postgres\n");

        CliRun run = CliRun.of("migrate", "-c", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: database unreachable at jdbc:postgresql://127.0.0.1:1/nothing").doesNotContain("\tat ");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
