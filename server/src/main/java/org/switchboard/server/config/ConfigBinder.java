package org.switchboard.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.pbx.digestrule.UserAgentRule;
import org.switchboard.pbx.extension.DigestChoice;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.provisioning.DeviceImportRow;
import org.switchboard.pbx.provisioning.MacAddress;
import org.switchboard.pbx.provisioning.ProvisioningSeed;
import org.switchboard.pbx.sipban.SipBanSettings;
import org.switchboard.pbx.stirshaken.StirShakenSettings;
import org.switchboard.pbx.stirshaken.TelephoneNumbers;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.pbx.webhook.WebhookSettings;
import org.switchboard.sip.transport.InboundLimits;
import org.switchboard.store.db.DatabaseSettings.SqliteSynchronous;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.moh.PlayOrder;
import org.switchboard.store.parking.NewParkLot;
import org.switchboard.store.parking.ReturnAction;

/**
 * Turns a shape-checked {@link RawConfig} into a {@link SwitchboardConfig}: checks each value
 * against its {@link ValueKind}, fills defaults, checks rules between keys (RTP range order,
 * distinct SIP ports) and validates each extension and provisioned device with the same rules the
 * API applies ({@link ExtensionInput}, {@link ProvisioningSeed#entry}). One instance per load, on one thread.
 */
final class ConfigBinder {
    /** The API's field names (in validation errors) to the config file's shorter keys. */
    private static final Map<String, String> DEVICE_KEYS = Map.of(MacAddress.FIELD, "mac", "extension_number", "extension");

    /** Where the defaults put the files under {@code data_dir}. */
    static final String TLS_FOLDER = "tls";
    static final String SQLITE_FILE = "switchboard.db";
    static final String PROVISIONING_KEY_FILE = "provisioning.key";

    private final List<ConfigProblem> problems;

    /** @param problems problems found so far; this adds its own and throws if the list is not empty at the end */
    ConfigBinder(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    SwitchboardConfig bind(RawConfig raw) {
        Map<String, Setting> values = new HashMap<>();
        Set<String> invalid = new HashSet<>();
        for (ConfigSchema.Leaf leaf : ConfigSchema.leaves()) {
            Setting given = raw.values().get(leaf.path());
            if (given != null) {
                if (!check(leaf.value().kind(), leaf.path(), given)) {
                    invalid.add(leaf.path());
                }
                values.put(leaf.path(), given);
            } else if (leaf.value().defaultText() != null) {
                values.put(leaf.path(), new Setting(leaf.value().defaultText(), new Origin.Default()));
            }
        }
        List<RawConfig.Item> extensionItems = raw.list(ConfigSchema.EXTENSIONS);
        List<ExtensionInput> extensions = extensionItems.stream().map(this::extension).flatMap(Optional::stream).toList();
        checkDistinctNumbers(extensionItems);
        List<DeviceImportRow> devices = devices(raw.list(ConfigSchema.PROVISIONING_DEVICES));
        List<DigestRuleService.RuleInput> digestRules = digestRules(raw.list(ConfigSchema.DIGEST_USER_AGENT_RULES));
        List<NewMohClass> mohClasses = mohClasses(raw.list(ConfigSchema.MOH_CLASSES));
        Values v = new Values(values);
        checkRelations(v, invalid);
        NewParkLot parking = parking(v, invalid);
        checkStirShaken(v);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        // Every file the server writes defaults to a place under data_dir; each can still be set on its own.
        Path dataDir = Path.of(v.text("data_dir"));
        return new SwitchboardConfig(dataDir,
                new SwitchboardConfig.Sip(v.text("sip.bind"), v.integer("sip.port"), v.integer("sip.tls_port"),
                        v.text("sip.domain"), v.optional("sip.external_address"),
                        Boolean.parseBoolean(v.text("sip.digest_sha256")), digestRules,
                        v.optional("sip.tls_dir").filter(d -> !d.isBlank()).map(Path::of).orElse(dataDir.resolve(TLS_FOLDER))),
                sipSecurity(v),
                new SwitchboardConfig.Http(v.text("http.bind"), v.integer("http.port"),
                        Boolean.parseBoolean(v.text("http.tls")), v.optional("http.metrics_token")),
                new SwitchboardConfig.Rtp(v.integer("rtp.port_min"), v.integer("rtp.port_max"),
                        ValueKind.duration(v.text("rtp.media_timeout")),
                        v.optional("rtp.io_threads").map(s -> OptionalInt.of(Integer.parseInt(s.strip()))).orElse(OptionalInt.empty())),
                new SwitchboardConfig.Calls(ValueKind.duration(v.text("calls.no_answer_timeout")),
                        ZoneId.of(v.text("calls.time_zone").strip())),
                new VoicemailSettings(v.integer("voicemail.max_pin_attempts"), v.duration("voicemail.pin_lockout")),
                new SwitchboardConfig.Mwi(v.text("voicemail.mwi.unsolicited"), v.duration("voicemail.mwi.max_expires")),
                new SwitchboardConfig.Smtp(v.optional("smtp.host").filter(h -> !h.isBlank()), v.integer("smtp.port"),
                        v.text("smtp.from"), Boolean.parseBoolean(v.text("smtp.starttls")),
                        v.optional("smtp.username").filter(u -> !u.isBlank()), v.optional("smtp.password")),
                new SwitchboardConfig.Database(
                        v.optional("database.url").filter(u -> !u.isBlank()).orElse("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE)), v.text("database.user"), v.text("database.password"),
                        v.optional("database.pool_size").map(s -> OptionalInt.of(Integer.parseInt(s.strip()))).orElse(OptionalInt.empty()),
                        SqliteSynchronous.valueOf(v.text("database.sqlite_synchronous").toUpperCase(Locale.ROOT))),
                new SwitchboardConfig.Admin(v.text("admin.username"), v.optional("admin.password").filter(p -> !p.isEmpty()),
                        ValueKind.duration(v.text("admin.token_ttl")), v.integer("admin.login_max_failures"),
                        ValueKind.duration(v.text("admin.login_failure_window")), ValueKind.duration(v.text("admin.login_slowdown"))),
                new SwitchboardConfig.Provisioning(
                        v.optional("provisioning.key_file").filter(f -> !f.isBlank()).map(Path::of).orElse(dataDir.resolve(PROVISIONING_KEY_FILE)),
                        v.optional("provisioning.template_dir").filter(d -> !d.isBlank()).map(Path::of),
                        v.text("provisioning.voicemail_number"), ZoneId.of(v.text("provisioning.time_zone").strip()),
                        v.text("provisioning.ntp_server"), Boolean.parseBoolean(v.text("provisioning.https_only")), devices),
                stirShaken(v), extensions, mohClasses,
                WebhookSettings.DEFAULTS.with(v.integer("webhooks.max_attempts"), v.duration("webhooks.timeout")),
                parking);
    }

    /**
     * The {@code parking} section as the lot it seeds, checked like a lot saved over the REST API; {@code
     * return_action} is {@code kind:target} ({@code voicemail:1000}), empty for none.
     */
    private NewParkLot parking(Values v, Set<String> invalid) {
        List<String> keys = List.of("parking.first_slot", "parking.last_slot", "parking.timeout");
        if (keys.stream().anyMatch(invalid::contains)) {
            return null; // already reported
        }
        String returnText = v.text("parking.return_action").strip();
        try {
            Optional<ReturnAction> returnAction = Optional.empty();
            if (!returnText.isEmpty()) {
                int colon = returnText.indexOf(':');
                if (colon < 1) {
                    throw new ValidationException("return_action", "must be kind:target, e.g. voicemail:1000");
                }
                returnAction = Optional.of(new ReturnAction(returnText.substring(0, colon), returnText.substring(colon + 1)));
            }
            long timeout = v.duration("parking.timeout").toSeconds();
            return new NewParkLot(v.text("parking.number"), v.integer("parking.first_slot"), v.integer("parking.last_slot"),
                    (int) Math.min(timeout, Integer.MAX_VALUE), v.text("parking.music_class"), returnAction);
        } catch (ValidationException e) {
            String path = "parking." + (e.field().startsWith("return_action") ? "return_action"
                    : e.field().equals("timeout_seconds") ? "timeout" : e.field());
            problems.add(new ConfigProblem(v.origin(path), path, e.getMessage()));
            return null;
        }
    }

    private static SwitchboardConfig.SipSecurity sipSecurity(Values v) {
        InboundLimits limits = new InboundLimits(v.integer("sip_security.rate_limit_requests"),
                v.duration("sip_security.rate_limit_window"), v.integer("sip_security.max_connections_per_source"),
                v.integer("sip_security.max_connections"), v.duration("sip_security.unregistered_idle_timeout"),
                ValueKind.addressRanges(v.text("sip_security.trusted_networks")));
        SipBanSettings bans = new SipBanSettings(v.integer("sip_security.auth_backoff_after"),
                v.integer("sip_security.ban_after"), v.duration("sip_security.find_time"),
                v.duration("sip_security.ban_time"), v.duration("sip_security.max_backoff"),
                v.integer("sip_security.extension_alert_after"), v.duration("sip_security.ban_sync_interval"));
        return new SwitchboardConfig.SipSecurity(limits, v.integer("sip_security.file_handle_reserve"), bans);
    }

    private static StirShakenSettings stirShaken(Values v) {
        return new StirShakenSettings(v.file("stir_shaken.private_key"), v.file("stir_shaken.certificate"),
                v.optional("stir_shaken.x5u").filter(u -> !u.isBlank()).map(u -> URI.create(u.strip())),
                v.file("stir_shaken.trust_anchors"), ownNumbers(v.text("stir_shaken.own_numbers")),
                v.duration("stir_shaken.iat_window"), v.duration("stir_shaken.fetch_timeout"),
                v.duration("stir_shaken.verify_timeout"), Boolean.parseBoolean(v.text("stir_shaken.reject_failed")),
                Boolean.parseBoolean(v.text("stir_shaken.allow_http_x5u")));
    }

    private static List<String> ownNumbers(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    /** Signing needs the key, its certificate and the URL together; the numbers must be numbers; x5u a URL. */
    private void checkStirShaken(Values v) {
        List<String> signing = List.of("stir_shaken.private_key", "stir_shaken.certificate", "stir_shaken.x5u");
        List<String> set = signing.stream().filter(k -> v.file(k).isPresent()).toList();
        if (!set.isEmpty() && set.size() < signing.size()) {
            problems.add(new ConfigProblem(v.origin(set.getFirst()), set.getFirst(), "signing needs "
                    + String.join(", ", signing) + " all set; missing: " + signing.stream().filter(k -> !set.contains(k)).toList()));
        }
        v.optional("stir_shaken.x5u").filter(u -> !u.isBlank()).ifPresent(u -> {
            try {
                String scheme = String.valueOf(new URI(u.strip()).getScheme()).toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http")) {
                    throw new URISyntaxException(u, "not an http(s) URL");
                }
            } catch (URISyntaxException e) {
                problems.add(new ConfigProblem(v.origin("stir_shaken.x5u"), "stir_shaken.x5u",
                        "must be the https:// URL where the certificate is published, got '" + u + "'"));
            }
        });
        for (String number : ownNumbers(v.text("stir_shaken.own_numbers"))) {
            if (TelephoneNumbers.canonical(number).isEmpty()) {
                problems.add(new ConfigProblem(v.origin("stir_shaken.own_numbers"), "stir_shaken.own_numbers",
                        "'" + number + "' is not a telephone number (digits, optionally +, spaces, - . ( ))"));
            }
        }
    }

    /** Adds a problem when the text is not of the kind; returns whether it is. */
    private boolean check(ValueKind kind, String path, Setting setting) {
        Optional<String> problem = kind.check(setting.text());
        problem.ifPresent(message -> problems.add(new ConfigProblem(setting.origin(), path, message)));
        return problem.isEmpty();
    }

    /** Rules between keys, checked when the keys involved are each valid (so one typo gives one message). */
    private void checkRelations(Values v, Set<String> invalid) {
        if (!invalid.contains("provisioning.https_only") && !invalid.contains("http.tls")
                && v.text("provisioning.https_only").equals("true") && v.text("http.tls").equals("false")) {
            problems.add(new ConfigProblem(v.origin("provisioning.https_only"), "provisioning.https_only",
                    "needs http.tls: true (with HTTPS off, no phone could fetch its file)"));
        }
        if (!invalid.contains("rtp.port_min") && !invalid.contains("rtp.port_max")
                && v.integer("rtp.port_min") >= v.integer("rtp.port_max")) {
            problems.add(new ConfigProblem(v.origin("rtp.port_min"), "rtp.port_min", "must be below rtp.port_max ("
                    + v.integer("rtp.port_min") + " >= " + v.integer("rtp.port_max") + "): the range is inverted or empty"));
        }
        // Port 0 lets the system choose (tests), so two zeros do not clash.
        if (!invalid.contains("sip.port") && !invalid.contains("sip.tls_port") && v.integer("sip.port") != 0
                && v.integer("sip.port") == v.integer("sip.tls_port")) {
            problems.add(new ConfigProblem(v.origin("sip.tls_port"), "sip.tls_port",
                    "must differ from sip.port (both are " + v.integer("sip.port") + ")"));
        }
    }

    private Optional<ExtensionInput> extension(RawConfig.Item item) {
        Map<String, Setting> f = item.values();
        Setting allowExternal = f.get("allow_external");
        if (allowExternal != null) {
            check(ValueKind.BOOLEAN, item.path("allow_external"), allowExternal);
        }
        if (!f.containsKey("number") || !f.containsKey("name") || !f.containsKey("password")) {
            return Optional.empty(); // already reported as "is required" by the walker
        }
        try {
            String digest = Optional.ofNullable(text(f, "digest_algorithm")).map(String::strip).orElse("auto");
            DigestChoice choice = DigestChoice.fromToken(digest).orElseThrow(() -> new ValidationException(
                    "digest_algorithm", "must be auto, md5 or sha-256"));
            return Optional.of(new ExtensionInput(text(f, "number"), text(f, "name"), text(f, "password"),
                    text(f, "email"), text(f, "voicemail_pin"),
                    allowExternal != null && allowExternal.text().equals("true"), true, choice));
        } catch (ValidationException e) {
            String key = e.field();
            Origin where = Optional.ofNullable(f.get(key)).map(Setting::origin).orElse(item.origin());
            problems.add(new ConfigProblem(where, item.path(key), e.getMessage()));
            return Optional.empty();
        }
    }

    /** Each device checked like an API body ({@link ProvisioningSeed#entry}); a MAC given twice is a problem. */
    private List<DeviceImportRow> devices(List<RawConfig.Item> items) {
        List<DeviceImportRow> devices = new ArrayList<>();
        Map<String, RawConfig.Item> byMac = new HashMap<>();
        for (RawConfig.Item item : items) {
            Map<String, Setting> f = item.values();
            if (!f.keySet().containsAll(List.of("mac", "extension", "vendor", "model"))) {
                continue; // already reported as "is required" by the walker
            }
            try {
                DeviceImportRow row = ProvisioningSeed.entry(text(f, "mac"), text(f, "extension"), text(f, "vendor"),
                        text(f, "model"), text(f, "static_ip"));
                RawConfig.Item first = byMac.putIfAbsent(row.mac().hex(), item);
                if (first != null) {
                    problems.add(new ConfigProblem(f.get("mac").origin(), item.path("mac"),
                            "'" + text(f, "mac") + "' is already used by " + first.path("")));
                } else {
                    devices.add(row);
                }
            } catch (ValidationException e) {
                String key = DEVICE_KEYS.getOrDefault(e.field(), e.field());
                Origin where = Optional.ofNullable(f.get(key)).map(Setting::origin).orElse(item.origin());
                problems.add(new ConfigProblem(where, item.path(key), e.getMessage()));
            }
        }
        return devices;
    }

    /** Each rule checked like a rule sent to the REST API; names in the API's errors map to the file's keys. */
    private List<DigestRuleService.RuleInput> digestRules(List<RawConfig.Item> items) {
        List<DigestRuleService.RuleInput> rules = new ArrayList<>();
        for (RawConfig.Item item : items) {
            Map<String, Setting> f = item.values();
            if (!f.keySet().containsAll(List.of("pattern", "algorithms"))) {
                continue; // already reported as "is required" by the walker
            }
            try {
                UserAgentRule.of(text(f, "pattern"), text(f, "algorithms"), text(f, "note"));
                rules.add(new DigestRuleService.RuleInput(text(f, "pattern"), text(f, "algorithms"), text(f, "note")));
            } catch (ValidationException e) {
                String key = e.field().equals("user_agent_pattern") ? "pattern" : e.field();
                Origin where = Optional.ofNullable(f.get(key)).map(Setting::origin).orElse(item.origin());
                problems.add(new ConfigProblem(where, item.path(key), e.getMessage()));
            }
        }
        return rules;
    }

    /** Each music-on-hold class checked like a class sent to the REST API; a name given twice is a problem. */
    private List<NewMohClass> mohClasses(List<RawConfig.Item> items) {
        List<NewMohClass> classes = new ArrayList<>();
        Map<String, RawConfig.Item> byName = new HashMap<>();
        for (RawConfig.Item item : items) {
            Map<String, Setting> f = item.values();
            if (!f.containsKey("name")) {
                continue; // already reported as "is required" by the walker
            }
            try {
                NewMohClass moh = new NewMohClass(text(f, "name"), text(f, "description"),
                        PlayOrder.of(Optional.ofNullable(text(f, "order")).orElse("sequential").strip(), "order"));
                RawConfig.Item first = byName.putIfAbsent(moh.name(), item);
                if (first != null) {
                    problems.add(new ConfigProblem(f.get("name").origin(), item.path("name"),
                            "'" + moh.name() + "' is already used by " + first.path("")));
                } else {
                    classes.add(moh);
                }
            } catch (ValidationException e) {
                Origin where = Optional.ofNullable(f.get(e.field())).map(Setting::origin).orElse(item.origin());
                problems.add(new ConfigProblem(where, item.path(e.field()), e.getMessage()));
            }
        }
        return classes;
    }

    private void checkDistinctNumbers(List<RawConfig.Item> items) {
        Map<String, RawConfig.Item> byNumber = new HashMap<>();
        for (RawConfig.Item item : items) {
            Setting number = item.values().get("number");
            if (number == null) {
                continue;
            }
            RawConfig.Item first = byNumber.putIfAbsent(number.text().strip(), item);
            if (first != null) {
                problems.add(new ConfigProblem(number.origin(), item.path("number"),
                        "'" + number.text() + "' is already used by " + first.path("")));
            }
        }
    }

    private static String text(Map<String, Setting> fields, String key) {
        Setting s = fields.get(key);
        return s == null ? null : s.text();
    }

    /** Typed reads of checked values. */
    private record Values(Map<String, Setting> values) {
        String text(String path) {
            return values.get(path).text();
        }

        int integer(String path) {
            return Integer.parseInt(text(path).strip());
        }

        Duration duration(String path) {
            return ValueKind.duration(text(path));
        }

        Origin origin(String path) {
            return values.get(path).origin();
        }

        Optional<String> optional(String path) {
            return Optional.ofNullable(values.get(path)).map(Setting::text);
        }

        /** A file key: empty when unset or blank. */
        Optional<Path> file(String path) {
            return optional(path).filter(f -> !f.isBlank()).map(f -> Path.of(f.strip()));
        }
    }
}
