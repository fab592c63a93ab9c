package org.switchboard.server.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every key the configuration file accepts, its type and its default: the single list that
 * validation, environment overrides, {@code docs/configuration.md} and the example file follow.
 * Immutable; any thread.
 */
final class ConfigSchema {

    /** What may stand at one key. */
    sealed interface Shape permits Section, ListOf, Value {}

    /** A mapping with a fixed set of keys, in documentation order. */
    record Section(Map<String, Shape> keys) implements Shape {}

    /** A list whose items are all sections of one shape. */
    record ListOf(Section item) implements Shape {}

    /**
     * A single value.
     *
     * @param defaultText the default as text; null when the key has no default (absent means "not set")
     * @param required    whether a list item must have it (top-level keys always have a default or are optional)
     */
    record Value(ValueKind kind, String defaultText, boolean required) implements Shape {}

    /** A leaf key outside any list: its dotted path and its shape. */
    record Leaf(String path, Value value) {
        /** {@code SWITCHBOARD_} + the path upper-cased, dots as underscores. */
        String environmentVariable() {
            return ConfigSchema.environmentVariable(path);
        }
    }

    static final String EXTENSIONS = "extensions";
    static final String PROVISIONING_DEVICES = "provisioning.devices";
    static final String DIGEST_USER_AGENT_RULES = "sip.digest_user_agent_rules";
    static final String MOH_CLASSES = "moh.classes";

    static final Section ROOT = section(
            "data_dir", value(ValueKind.PATH, "./data"),
            "sip", section(
                    "bind", value(ValueKind.HOST, "0.0.0.0"),
                    "port", value(ValueKind.PORT_OR_ANY, "5060"),
                    "tls_port", value(ValueKind.PORT_OR_ANY, "5061"),
                    "domain", value(ValueKind.HOST, "switchboard.local"),
                    "external_address", value(ValueKind.HOST, null),
                    "digest_sha256", value(ValueKind.BOOLEAN, "true"),
                    "digest_user_agent_rules", new ListOf(section(
                            "pattern", required(ValueKind.TEXT),
                            "algorithms", required(ValueKind.TEXT),
                            "note", value(ValueKind.TEXT, null))),
                    "tls_dir", value(ValueKind.TEXT, null)),
            "sip_security", section(
                    "trusted_networks", value(ValueKind.ADDRESS_RANGES, ""),
                    "rate_limit_requests", value(ValueKind.COUNT_OR_OFF, "400"),
                    "rate_limit_window", value(ValueKind.DURATION, "2s"),
                    "max_connections_per_source", value(ValueKind.COUNT, "200"),
                    "max_connections", value(ValueKind.COUNT, "10000"),
                    "file_handle_reserve", value(ValueKind.COUNT, "1024"),
                    "unregistered_idle_timeout", value(ValueKind.DURATION, "30s"),
                    "auth_backoff_after", value(ValueKind.COUNT, "5"),
                    "ban_after", value(ValueKind.COUNT, "10"),
                    "find_time", value(ValueKind.DURATION, "10m"),
                    "ban_time", value(ValueKind.DURATION, "1h"),
                    "max_backoff", value(ValueKind.DURATION, "5s"),
                    "extension_alert_after", value(ValueKind.COUNT, "20"),
                    "ban_sync_interval", value(ValueKind.DURATION, "5s")),
            "http", section(
                    "bind", value(ValueKind.HOST, "0.0.0.0"),
                    "port", value(ValueKind.PORT_OR_ANY, "8080"),
                    "tls", value(ValueKind.BOOLEAN, "true"),
                    "metrics_token", value(ValueKind.BEARER_TOKEN, null)),
            "rtp", section(
                    "port_min", value(ValueKind.PORT, "10000"),
                    "port_max", value(ValueKind.PORT, "20000"),
                    "media_timeout", value(ValueKind.DURATION, "60s"),
                    "io_threads", value(ValueKind.THREADS, null)),
            "calls", section(
                    "no_answer_timeout", value(ValueKind.DURATION, "20s"),
                    "time_zone", value(ValueKind.TIME_ZONE, "UTC")),
            "voicemail", section(
                    "max_pin_attempts", value(ValueKind.ATTEMPTS, "5"),
                    "pin_lockout", value(ValueKind.DURATION, "5m"),
                    "mwi", section(
                            "unsolicited", value(ValueKind.TEXT, ""),
                            "max_expires", value(ValueKind.DURATION, "1h"))),
            "smtp", section(
                    "host", value(ValueKind.HOST, null),
                    "port", value(ValueKind.PORT, "25"),
                    "from", value(ValueKind.TEXT, "voicemail@switchboard.local"),
                    "starttls", value(ValueKind.BOOLEAN, "false"),
                    "username", value(ValueKind.TEXT, null),
                    "password", value(ValueKind.TEXT, null)),
            "parking", section(
                    "number", value(ValueKind.TEXT, "700"),
                    "first_slot", value(ValueKind.COUNT_OR_OFF, "701"),
                    "last_slot", value(ValueKind.COUNT_OR_OFF, "720"),
                    "timeout", value(ValueKind.DURATION, "45s"),
                    "music_class", value(ValueKind.TEXT, "default"),
                    "return_action", value(ValueKind.TEXT, "")),
            "webhooks", section(
                    "max_attempts", value(ValueKind.ATTEMPTS, "10"),
                    "timeout", value(ValueKind.DURATION, "5s")),
            "database", section(
                    "url", value(ValueKind.JDBC_URL, null),
                    "user", value(ValueKind.TEXT, ""),
                    "password", value(ValueKind.TEXT, ""),
                    "pool_size", value(ValueKind.POOL_SIZE, null),
                    "sqlite_synchronous", value(ValueKind.SQLITE_SYNCHRONOUS, "normal")),
            "admin", section(
                    "username", value(ValueKind.TEXT, "admin"),
                    "password", value(ValueKind.TEXT, null),
                    "token_ttl", value(ValueKind.DURATION, "12h"),
                    "login_max_failures", value(ValueKind.ATTEMPTS, "5"),
                    "login_failure_window", value(ValueKind.DURATION, "5m"),
                    "login_slowdown", value(ValueKind.DURATION, "1s")),
            "provisioning", section(
                    "key_file", value(ValueKind.TEXT, null),
                    "template_dir", value(ValueKind.TEXT, null),
                    "voicemail_number", value(ValueKind.TEXT, "*97"),
                    "time_zone", value(ValueKind.TIME_ZONE, "UTC"),
                    "ntp_server", value(ValueKind.HOST, "pool.ntp.org"),
                    "https_only", value(ValueKind.BOOLEAN, "false"),
                    "devices", new ListOf(section(
                            "mac", required(ValueKind.TEXT),
                            "extension", required(ValueKind.TEXT),
                            "vendor", required(ValueKind.TEXT),
                            "model", required(ValueKind.TEXT),
                            "static_ip", value(ValueKind.TEXT, null)))),
            "stir_shaken", section(
                    "private_key", value(ValueKind.TEXT, null),
                    "certificate", value(ValueKind.TEXT, null),
                    "x5u", value(ValueKind.TEXT, null),
                    "trust_anchors", value(ValueKind.TEXT, null),
                    "own_numbers", value(ValueKind.TEXT, ""),
                    "iat_window", value(ValueKind.DURATION, "60s"),
                    "fetch_timeout", value(ValueKind.DURATION, "2s"),
                    "verify_timeout", value(ValueKind.DURATION, "3s"),
                    "reject_failed", value(ValueKind.BOOLEAN, "false"),
                    "allow_http_x5u", value(ValueKind.BOOLEAN, "false")),
            "moh", section(
                    "classes", new ListOf(section(
                            "name", required(ValueKind.TEXT),
                            "description", value(ValueKind.TEXT, null),
                            "order", value(ValueKind.TEXT, "sequential")))),
            EXTENSIONS, new ListOf(section(
                    "number", required(ValueKind.TEXT),
                    "name", required(ValueKind.TEXT),
                    "password", required(ValueKind.TEXT),
                    "email", value(ValueKind.TEXT, null),
                    "voicemail_pin", value(ValueKind.TEXT, null),
                    "allow_external", value(ValueKind.BOOLEAN, "false"),
                    "digest_algorithm", value(ValueKind.TEXT, "auto"))));

    private ConfigSchema() {}

    /** Every single-value key outside lists, in documentation order. */
    static List<Leaf> leaves() {
        List<Leaf> leaves = new ArrayList<>();
        collect("", ROOT, leaves);
        return List.copyOf(leaves);
    }

    /** Every list, by its dotted path, in documentation order. */
    static Map<String, ListOf> lists() {
        Map<String, ListOf> lists = new LinkedHashMap<>();
        collectLists("", ROOT, lists);
        return Collections.unmodifiableMap(lists);
    }

    private static void collectLists(String prefix, Section section, Map<String, ListOf> into) {
        section.keys().forEach((key, shape) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            switch (shape) {
                case Section s -> collectLists(path, s, into);
                case ListOf l -> into.put(path, l);
                case Value v -> { }
            }
        });
    }

    /** The environment variable that overrides {@code path}. */
    static String environmentVariable(String path) {
        return "SWITCHBOARD_" + path.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static void collect(String prefix, Section section, List<Leaf> into) {
        section.keys().forEach((key, shape) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            switch (shape) {
                case Section s -> collect(path, s, into);
                case Value v -> into.add(new Leaf(path, v));
                case ListOf l -> { } // lists are overridden as a whole (see ConfigLoader), not key by key
            }
        });
    }

    private static Section section(Object... keysAndShapes) {
        Map<String, Shape> keys = new LinkedHashMap<>();
        for (int i = 0; i < keysAndShapes.length; i += 2) {
            keys.put((String) keysAndShapes[i], (Shape) keysAndShapes[i + 1]);
        }
        return new Section(Collections.unmodifiableMap(keys));
    }

    private static Value value(ValueKind kind, String defaultText) {
        return new Value(kind, defaultText, false);
    }

    private static Value required(ValueKind kind) {
        return new Value(kind, null, true);
    }
}
