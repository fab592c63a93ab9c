package org.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.pbx.extension.DigestChoice;
import org.switchboard.pbx.provisioning.DeviceImportRow;
import org.switchboard.pbx.provisioning.IpLiteral;
import org.switchboard.pbx.provisioning.Vendor;
import org.switchboard.pbx.sipban.SipBanSettings;
import org.switchboard.store.db.ValidationException;
import org.switchboard.pbx.webhook.WebhookSettings;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.store.db.DatabaseSettings.SqliteSynchronous;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private SwitchboardConfig load(String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, yaml);
        return new ConfigLoader(env).load(file, true);
    }

    private List<String> problems(String yaml, Map<String, String> env) {
        Path file = dir.resolve("switchboard.yml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try {
            new ConfigLoader(env).load(file, true);
        } catch (ConfigException e) {
            return e.problems().stream().map(p -> p.toString().replace(file.toString(), "FILE")).toList();
        }
        throw new AssertionError("expected problems");
    }

    @Test
    void theFilesTheServerWritesDefaultToPlacesUnderTheDataDirectory() {
        SwitchboardConfig config = new ConfigLoader(Map.of("SWITCHBOARD_DATA_DIR", "/srv/pbx")).load(dir.resolve("absent.yml"), false);

        assertThat(config.dataDir()).isEqualTo(Path.of("/srv/pbx"));
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:/srv/pbx/switchboard.db");
        assertThat(config.sip().tlsDir()).isEqualTo(Path.of("/srv/pbx/tls"));
        assertThat(config.provisioning().keyFile()).isEqualTo(Path.of("/srv/pbx/provisioning.key"));
    }

    @Test
    void eachFileCanStillBeSetOnItsOwn() {
        SwitchboardConfig config = new ConfigLoader(Map.of("SWITCHBOARD_DATA_DIR", "/srv/pbx",
                "SWITCHBOARD_PROVISIONING_KEY_FILE", "/etc/pbx/key", "SWITCHBOARD_SIP_TLS_DIR", "/etc/pbx/tls",
                "SWITCHBOARD_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/sb")).load(dir.resolve("absent.yml"), false);

        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/sb");
        assertThat(config.sip().tlsDir()).isEqualTo(Path.of("/etc/pbx/tls"));
        assertThat(config.provisioning().keyFile()).isEqualTo(Path.of("/etc/pbx/key"));
    }

    @Test
    void aBlankDataDirectoryIsAProblem() {
        assertThat(problems("data_dir: \"  \"\n", Map.of())).containsExactly("FILE:1: data_dir: must name a folder, got a blank value");
    }

    @Test
    void missingDefaultFileMeansAllDefaults() {
        SwitchboardConfig config = new ConfigLoader(Map.of()).load(dir.resolve("absent.yml"), false);

        assertThat(config.sip()).isEqualTo(new SwitchboardConfig.Sip("0.0.0.0", 5060, 5061, "switchboard.local", Optional.empty(),
                true, List.of(), Path.of("./data/tls")));
        assertThat(config.http()).isEqualTo(new SwitchboardConfig.Http("0.0.0.0", 8080, true, Optional.empty()));
        assertThat(config.rtp()).isEqualTo(new SwitchboardConfig.Rtp(10000, 20000, Duration.ofSeconds(60), OptionalInt.empty()));
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:./data/switchboard.db");
        assertThat(config.database().poolSize()).isEmpty();
        assertThat(config.database().settings().poolSize()).isEqualTo(4);
        assertThat(config.admin()).isEqualTo(new SwitchboardConfig.Admin("admin", Optional.empty(), Duration.ofHours(12),
                5, Duration.ofMinutes(5), Duration.ofSeconds(1)));
        assertThat(config.extensions()).isEmpty();
    }

    @Test
    void aNamedFileThatDoesNotExistIsAProblem() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("typo.yml"), true))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("typo.yml: file not found");
    }

    @Test
    void adminTokenTtlIsADurationWithAUnit() throws IOException {
        assertThat(load("admin: {token_ttl: 30m}\n", Map.of()).admin().tokenTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(load("", Map.of("SWITCHBOARD_ADMIN_TOKEN_TTL", "7d")).admin().tokenTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(problems("admin: {token_ttl: 12}\n", Map.of())).singleElement().asString()
                .contains("admin.token_ttl", "unit s, m, h or d");
        assertThat(problems("admin: {token_ttl: 0h}\n", Map.of())).singleElement().asString().contains("admin.token_ttl");
    }

    @Test
    void webhookAttemptsAndTimeoutHaveDefaultsAndAreRead() throws IOException {
        assertThat(load("", Map.of()).webhooks()).isEqualTo(WebhookSettings.DEFAULTS);
        WebhookSettings set = load("webhooks: {max_attempts: 3, timeout: 2s}\n", Map.of("SWITCHBOARD_WEBHOOKS_TIMEOUT", "1m")).webhooks();
        assertThat(set.maxAttempts()).isEqualTo(3);
        assertThat(set.timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(problems("webhooks: {max_attempts: 0}\n", Map.of())).singleElement().asString()
                .contains("webhooks.max_attempts");
    }

    @Test
    void sipSecurityLimitsHaveSafeDefaultsAndAreRead() throws IOException {
        SwitchboardConfig.SipSecurity defaults = load("", Map.of()).sipSecurity();
        assertThat(defaults.limits().trusted()).as("loopback is not trusted by default").isEmpty();
        assertThat(defaults.limits().requestsPerWindow()).isEqualTo(400);
        assertThat(defaults.limits().window()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.limits().connectionsPerSource()).isEqualTo(200);
        assertThat(defaults.limits().maxConnections()).isEqualTo(10_000);
        assertThat(defaults.fileHandleReserve()).isEqualTo(1024);
        assertThat(defaults.bans()).isEqualTo(SipBanSettings.DEFAULTS);

        SwitchboardConfig.SipSecurity set = load("""
                sip_security:
                  trusted_networks: "127.0.0.0/8, 192.0.2.7"
                  rate_limit_requests: 0
                  unregistered_idle_timeout: 2s
                  ban_after: 3
                """, Map.of("SWITCHBOARD_SIP_SECURITY_MAX_CONNECTIONS_PER_SOURCE", "5")).sipSecurity();
        assertThat(set.limits().trusted()).extracting(Object::toString).containsExactly("127.0.0.0/8", "192.0.2.7/32");
        assertThat(set.limits().limitsRate()).isFalse();
        assertThat(set.limits().unregisteredIdleTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(set.limits().connectionsPerSource()).isEqualTo(5);
        assertThat(set.bans().banAfter()).isEqualTo(3);
    }

    @Test
    void badSipSecurityValuesAreProblemsNamingTheKey() {
        assertThat(problems("sip_security: {trusted_networks: \"10.0.0.0/33\"}\n", Map.of())).singleElement().asString()
                .contains("sip_security.trusted_networks", "prefix length");
        assertThat(problems("sip_security: {trusted_networks: office}\n", Map.of())).singleElement().asString()
                .contains("sip_security.trusted_networks", "not an IP address");
        assertThat(problems("sip_security: {max_connections: 0}\n", Map.of())).singleElement().asString()
                .contains("sip_security.max_connections");
        assertThat(problems("sip_security: {rate_limit_requests: -1}\n", Map.of())).singleElement().asString()
                .contains("sip_security.rate_limit_requests");
    }

    @Test
    void readsEveryKey() throws IOException {
        SwitchboardConfig config = load("""
                sip:
                  bind: 127.0.0.1
                  port: 5070
                  tls_port: 5071
                  domain: pbx.example.com
                  external_address: 203.0.113.7
                  digest_sha256: false
                http:
                  bind: 127.0.0.1
                  port: 0
                  tls: false
                  metrics_token: scrape-0123456789abcdef
                rtp:
                  port_min: 30000
                  port_max: 30100
                  io_threads: 2
                database:
                  url: jdbc:postgresql://127.0.0.1:5432/sb
                  user: sb
                  password: s3cret
                  pool_size: 7
                  sqlite_synchronous: full
                admin:
                  username: root
                  password: correct-horse
                  login_max_failures: 10
                  login_failure_window: 15m
                  login_slowdown: 2s
                extensions:
                  - number: 1001
                    name: Alice
                    password: alice-password
                    email: alice@example.com
                    voicemail_pin: 0123
                    allow_external: true
                """, Map.of());

        assertThat(config.sip()).isEqualTo(new SwitchboardConfig.Sip("127.0.0.1", 5070, 5071, "pbx.example.com", Optional.of("203.0.113.7"),
                false, List.of(), Path.of("./data/tls")));
        assertThat(config.http()).isEqualTo(new SwitchboardConfig.Http("127.0.0.1", 0, false, Optional.of("scrape-0123456789abcdef")));
        assertThat(config.http().toString()).doesNotContain("scrape-0123456789abcdef");
        assertThat(config.rtp()).isEqualTo(new SwitchboardConfig.Rtp(30000, 30100, Duration.ofSeconds(60), OptionalInt.of(2)));
        assertThat(config.database()).isEqualTo(new SwitchboardConfig.Database("jdbc:postgresql://127.0.0.1:5432/sb", "sb", "s3cret",
                OptionalInt.of(7), SqliteSynchronous.FULL));
        assertThat(config.database().toString()).doesNotContain("s3cret");
        assertThat(config.admin()).isEqualTo(new SwitchboardConfig.Admin("root", Optional.of("correct-horse"), Duration.ofHours(12),
                10, Duration.ofMinutes(15), Duration.ofSeconds(2)));
        assertThat(config.admin().toString()).doesNotContain("correct-horse");
        assertThat(config.extensions()).singleElement().satisfies(e -> {
            assertThat(e.number()).isEqualTo("1001");
            assertThat(e.name()).isEqualTo("Alice");
            assertThat(e.password()).isEqualTo("alice-password");
            assertThat(e.email()).isEqualTo("alice@example.com");
            // Unquoted, YAML 1.1 would read 0123 as octal 83: the text as written is kept.
            assertThat(e.voicemailPin()).isEqualTo("0123");
            assertThat(e.allowExternal()).isTrue();
        });
    }

    @Test
    void environmentOverridesTheFile() throws IOException {
        SwitchboardConfig config = load("""
                sip:
                  port: 5070
                database:
                  url: jdbc:sqlite:/tmp/a.db
                extensions:
                  - {number: "1001", name: Alice, password: alice-password}
                """, Map.of(
                "SWITCHBOARD_SIP_PORT", "5080",
                "SWITCHBOARD_SIP_TLS_PORT", "5081",
                "SWITCHBOARD_DATABASE_URL", "jdbc:sqlite:/tmp/b.db",
                "SWITCHBOARD_ADMIN_PASSWORD", "from-the-env",
                "SWITCHBOARD_EXTENSIONS", "[{number: '2001', name: Bob, password: bob-password}]",
                "SWITCHBOARD_BUILD_DIR", "/not/a/config/key"));

        assertThat(config.sip().port()).isEqualTo(5080);
        assertThat(config.sip().tlsPort()).isEqualTo(5081);
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:/tmp/b.db");
        assertThat(config.admin().password()).contains("from-the-env");
        assertThat(config.extensions()).extracting(e -> e.number()).containsExactly("2001");
    }

    @Test
    void environmentProblemsNameTheVariable() {
        assertThat(problems("", Map.of("SWITCHBOARD_HTTP_PORT", "eighty", "SWITCHBOARD_EXTENSIONS", "[{number: x}]")))
                .containsExactly(
                        "environment SWITCHBOARD_EXTENSIONS: extensions[1].name: is required",
                        "environment SWITCHBOARD_EXTENSIONS: extensions[1].password: is required",
                        "environment SWITCHBOARD_HTTP_PORT: http.port: must be a whole number between 0 and 65535, got 'eighty'");
    }

    @Test
    void unknownKeySuggestsTheClosestKnownOne() {
        assertThat(problems("""
                sip:
                  prot: 5060
                databse:
                  url: jdbc:sqlite:x.db
                """, Map.of()))
                .containsExactly(
                        "FILE:2: sip.prot: unknown key (did you mean 'port'?)",
                        "FILE:3: databse: unknown key (did you mean 'database'?)");
    }

    @Test
    void httpsOnlyProvisioningWithoutHttpsIsAProblem() throws IOException {
        assertThat(problems("http:\n  tls: false\nprovisioning:\n  https_only: true\n", Map.of()))
                .containsExactly("FILE:4: provisioning.https_only: needs http.tls: true (with HTTPS off, no phone could fetch its file)");
        assertThat(load("provisioning:\n  https_only: true\n", Map.of()).provisioning().httpsOnly())
                .as("http.tls is on by default").isTrue();
    }

    @Test
    void unknownKeyWithoutANearMatchListsTheKnownKeys() {
        assertThat(problems("http:\n  colour: blue\n", Map.of()))
                .containsExactly("FILE:2: http.colour: unknown key (known keys here: bind, port, tls, metrics_token)");
    }

    @Test
    void wrongTypesAreReportedWithTheirLine() {
        assertThat(problems("""
                sip:
                  port: abc
                  domain: [a, b]
                http: 8080
                extensions:
                  number: 1001
                """, Map.of()))
                .containsExactly(
                        "FILE:2: sip.port: must be a whole number between 0 and 65535, got 'abc'",
                        "FILE:3: sip.domain: must be a single value, got a list",
                        "FILE:4: http: must be a section of keys, got a single value",
                        "FILE:6: extensions: must be a list (items starting with '-'), got a section of keys");
    }

    @Test
    void portOutOfRange() {
        assertThat(problems("sip:\n  port: 70000\nhttp:\n  port: -1\n", Map.of()))
                .containsExactly(
                        "FILE:2: sip.port: must be between 0 and 65535, got 70000",
                        "FILE:4: http.port: must be between 0 and 65535, got -1");
    }

    @Test
    void invertedRtpRange() {
        assertThat(problems("rtp:\n  port_min: 20000\n  port_max: 10000\n", Map.of()))
                .containsExactly("FILE:2: rtp.port_min: must be below rtp.port_max (20000 >= 10000): the range is inverted or empty");
    }

    @Test
    void sameSipPortTwice() {
        assertThat(problems("sip:\n  port: 5060\n  tls_port: 5060\n", Map.of()))
                .containsExactly("FILE:3: sip.tls_port: must differ from sip.port (both are 5060)");
    }

    @Test
    void malformedExtensionEntries() {
        assertThat(problems("""
                extensions:
                  - number: 1001
                    name: Alice
                  - number: 12ab
                    name: Bob
                    password: bob-password
                  - number: 1003
                    name: Carol
                    password: short
                  - number: 1004
                    name: Dan
                    password: dan-password
                    allow_external: sometimes
                    voicmail_pin: 1234
                  - number: 1003
                    name: Eve
                    password: eve-password
                  - just a string
                """, Map.of()))
                .containsExactly(
                        "FILE:2: extensions[1].password: is required",
                        "FILE:4: extensions[2].number: must be 2 to 10 digits",
                        "FILE:9: extensions[3].password: must be at least 8 characters",
                        "FILE:13: extensions[4].allow_external: must be true or false, got 'sometimes'",
                        "FILE:14: extensions[4].voicmail_pin: unknown key (did you mean 'voicemail_pin'?)",
                        "FILE:15: extensions[5].number: '1003' is already used by extensions[3]",
                        "FILE:18: extensions[6]: must be a section of keys (number, name, ...), got a single value");
    }

    @Test
    void readsDigestUserAgentRulesAndAnExtensionsDigestAlgorithm() throws IOException {
        SwitchboardConfig config = load("""
                sip:
                  digest_user_agent_rules:
                    - {pattern: "^Acme", algorithms: "md5", note: old firmware}
                    - {pattern: "Yealink", algorithms: "sha-256,md5"}
                extensions:
                  - {number: "1001", name: Alice, password: alice-password, digest_algorithm: sha-256}
                """, Map.of());

        assertThat(config.sip().digestUserAgentRules()).containsExactly(
                new DigestRuleService.RuleInput("^Acme", "md5", "old firmware"),
                new DigestRuleService.RuleInput("Yealink", "sha-256,md5", null));
        assertThat(config.extensions().getFirst().digestChoice()).isEqualTo(DigestChoice.SHA_256);
    }

    @Test
    void malformedDigestRulesAndAlgorithmsNameTheKey() {
        assertThat(problems("""
                sip:
                  digest_user_agent_rules:
                    - {pattern: "([bad", algorithms: md5}
                    - {pattern: ok, algorithms: sha-1}
                    - {algorithms: md5}
                extensions:
                  - {number: "1001", name: Alice, password: alice-password, digest_algorithm: sha1}
                """, Map.of()))
                .containsExactlyInAnyOrder(
                        "FILE:5: sip.digest_user_agent_rules[3].pattern: is required",
                        "FILE:3: sip.digest_user_agent_rules[1].pattern: is not a regular expression: Unclosed character class",
                        "FILE:4: sip.digest_user_agent_rules[2].algorithms: must be one of [md5, sha-256, md5,sha-256, sha-256,md5]",
                        "FILE:7: extensions[1].digest_algorithm: must be auto, md5 or sha-256");
    }

    @Test
    void duplicateKeys() {
        assertThat(problems("sip:\n  port: 5070\n  port: 5080\n", Map.of()))
                .containsExactly("FILE:3: sip.port: duplicate key; it is already set above");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThat(problems("sip:\n  port: 5060\n bad indentation: [\n", Map.of()))
                .containsExactly("FILE:3: not valid YAML: while parsing a block mapping; expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void emptySectionsAndNullValuesMeanDefaults() throws IOException {
        SwitchboardConfig config = load("sip:\nhttp:\n  port:\nextensions:\n", Map.of());

        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.extensions()).isEmpty();
    }

    @Test
    void relayThreadCountOutOfRange() {
        assertThat(problems("rtp:\n  io_threads: 0\n", Map.of()))
                .containsExactly("FILE:2: rtp.io_threads: must be between 1 and 256, got 0");
    }

    @Test
    void aShortOrOddMetricsTokenIsAProblemThatDoesNotRepeatIt() {
        assertThat(problems("http:\n  metrics_token: short-secret\nadmin:\n  login_max_failures: 0\n", Map.of()))
                .containsExactly(
                        "FILE:2: http.metrics_token: must be 16 to 256 characters of letters, digits and - . _ ~ + / = (e.g. from openssl rand -hex 32)",
                        "FILE:4: admin.login_max_failures: must be between 1 and 1000, got 0");
    }

    @Test
    void badDatabaseUrlAndSynchronousMode() {
        assertThat(problems("database:\n  url: mysql://x\n  sqlite_synchronous: off\n", Map.of()))
                .containsExactly(
                        "FILE:2: database.url: must start with jdbc:sqlite: or jdbc:postgresql:",
                        "FILE:3: database.sqlite_synchronous: must be 'normal' or 'full', got 'off'");
    }

    @Test
    void readsProvisionedDevices() throws IOException {
        SwitchboardConfig config = load("""
                provisioning:
                  devices:
                    - {mac: "00:15:65:12:34:56", extension: "1001", vendor: yealink, model: t46u, static_ip: 192.0.2.10}
                    - mac: 00-04-F2-AB-CD-EF
                      extension: "1002"
                      vendor: Polycom
                      model: VVX 450
                """, Map.of());

        assertThat(config.provisioning().devices()).hasSize(2);
        DeviceImportRow first = config.provisioning().devices().getFirst();
        assertThat(first.mac().hex()).isEqualTo("001565123456");
        assertThat(first.extension()).isEqualTo("1001");
        assertThat(first.vendor()).isEqualTo(Vendor.YEALINK);
        assertThat(first.model()).as("the canonical model name").isEqualTo("T46U");
        assertThat(first.staticIp()).map(InetAddress::getHostAddress).contains("192.0.2.10");
        DeviceImportRow second = config.provisioning().devices().get(1);
        assertThat(second.vendor()).isEqualTo(Vendor.POLYCOM);
        assertThat(second.staticIp()).isEmpty();
    }

    @Test
    void noDevicesByDefault() throws IOException {
        assertThat(load("provisioning:\n  devices:\n", Map.of()).provisioning().devices()).isEmpty();
    }

    @Test
    void malformedDeviceEntries() {
        assertThat(problems("""
                provisioning:
                  devices:
                    - mac: 00:15:65:12:34
                      extension: "1001"
                      vendor: yealink
                      model: T46U
                    - {mac: "001565000002", extension: "1001", vendor: nokia, model: T46U}
                    - {mac: "001565000003", extension: "1001", vendor: yealink, model: T46U, static_ip: 300.1.1.1}
                    - {mac: "001565000004", extension: "1001", vendor: yealink, model: T99}
                    - {mac: "001565000005", extension: "1002", vendor: snom, model: D715}
                    - {mac: "00:15:65:00:00:05", extension: "1003", vendor: snom, model: D715}
                    - {mac: "001565000006", vendor: snom, model: D715, serial: 42}
                """, Map.of()))
                .containsExactly(
                        "FILE:3: provisioning.devices[1].mac: must be a MAC address like 00:15:65:12:34:56 or 001565123456",
                        "FILE:7: provisioning.devices[2].vendor: is not a supported vendor (yealink, polycom, grandstream, cisco, snom, fanvil)",
                        "FILE:8: provisioning.devices[3].static_ip: " + staticIpMessage("300.1.1.1"),
                        "FILE:9: provisioning.devices[4].model: is not a known yealink model",
                        "FILE:11: provisioning.devices[6].mac: '00:15:65:00:00:05' is already used by provisioning.devices[5]",
                        "FILE:12: provisioning.devices[7].serial: unknown key (known keys here: mac, extension, vendor, model, static_ip)",
                        "FILE:12: provisioning.devices[7].extension: is required");
    }

    @Test
    void environmentReplacesTheDeviceList() throws IOException {
        SwitchboardConfig config = load("""
                provisioning:
                  devices:
                    - {mac: "001565000001", extension: "1001", vendor: yealink, model: T46U}
                """, Map.of("SWITCHBOARD_PROVISIONING_DEVICES",
                "[{mac: \"001565000009\", extension: \"2001\", vendor: snom, model: D715}]"));

        assertThat(config.provisioning().devices()).extracting(d -> d.mac().hex()).containsExactly("001565000009");
    }

    @Test
    void deviceProblemsFromTheEnvironmentNameTheVariable() {
        assertThat(problems("", Map.of("SWITCHBOARD_PROVISIONING_DEVICES", "[{mac: nope, extension: \"1001\", vendor: snom, model: D715}]")))
                .containsExactly("environment SWITCHBOARD_PROVISIONING_DEVICES: provisioning.devices[1].mac: "
                        + "must be a MAC address like 00:15:65:12:34:56 or 001565123456");
    }

    /** The store's own wording for a bad address, so this test follows it. */
    private static String staticIpMessage(String text) {
        try {
            IpLiteral.parse(text, "static_ip");
        } catch (ValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError(text + " parsed");
    }
}
