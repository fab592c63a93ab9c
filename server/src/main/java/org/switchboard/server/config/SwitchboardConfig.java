package org.switchboard.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.provisioning.DeviceImportRow;
import org.switchboard.pbx.sipban.SipBanSettings;
import org.switchboard.pbx.stirshaken.StirShakenSettings;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.pbx.webhook.WebhookSettings;
import org.switchboard.sip.transport.InboundLimits;
import org.switchboard.store.db.DatabaseSettings.SqliteSynchronous;
import org.switchboard.store.db.DatabaseSettings;
import org.switchboard.store.moh.NewMohClass;
import org.switchboard.store.parking.NewParkLot;

/**
 * The validated server settings and the seed sections, as read by {@link ConfigLoader}: server
 * settings are used on every start, the seed sections ({@code admin}, {@code extensions}, {@code provisioning.devices},
 * {@code moh.classes}) are
 * copied into an empty database once. Immutable; any thread.
 *
 * @param dataDir the folder under which the server keeps the files it writes ({@code data_dir}); the
 *     defaults of the SQLite file, the TLS folder and the provisioning key lie in it
 * @param voicemail the wrong-PIN lock-out of voicemail boxes ({@code voicemail})
 * @param stirShaken signing and verification of caller identity ({@code stir_shaken}, docs/stir-shaken.md)
 * @param webhooks how webhook deliveries are retried and timed out ({@code webhooks})
 * @param parking seed: the park lot copied into an empty database once ({@code parking}, docs/parking.md)
 */
public record SwitchboardConfig(Path dataDir, Sip sip, SipSecurity sipSecurity, Http http, Rtp rtp, Calls calls,
                                VoicemailSettings voicemail, Mwi mwi, Smtp smtp, Database database, Admin admin,
                                Provisioning provisioning, StirShakenSettings stirShaken, List<ExtensionInput> extensions,
                                List<NewMohClass> mohClasses, WebhookSettings webhooks, NewParkLot parking) {

    public SwitchboardConfig {
        extensions = List.copyOf(extensions);
        mohClasses = List.copyOf(mohClasses);
    }

    /**
     * SIP listener settings and the domain (the digest realm).
     *
     * @param externalAddress the public address to announce behind NAT; empty to announce the bound one
     * @param digestSha256 what an extension on {@code auto} is challenged with when no User-Agent rule
     *     matches its phone: MD5 then SHA-256 (true) or MD5 alone (false)
     * @param digestUserAgentRules seed: the User-Agent rules copied into an empty database once; empty for
     *     the built-in defaults
     * @param tlsDir the folder holding the TLS certificate and key (PEM); a self-signed pair is generated there when empty
     */
    public record Sip(String bind, int port, int tlsPort, String domain, Optional<String> externalAddress,
                      boolean digestSha256, List<DigestRuleService.RuleInput> digestUserAgentRules, Path tlsDir) {
        public Sip {
            digestUserAgentRules = List.copyOf(digestUserAgentRules);
        }
    }

    /**
     * What protects the SIP side from floods, connection exhaustion and password guessing
     * (docs/security.md).
     *
     * @param limits the per-source rate, the connection limits (the total before {@code
     *     fileHandleReserve} is applied) and the trusted networks
     * @param fileHandleReserve file handles kept free of SIP connections for HTTP and the database
     * @param bans when a source failing authentication is held off and banned
     */
    public record SipSecurity(InboundLimits limits, int fileHandleReserve, SipBanSettings bans) {}

    /**
     * Where the REST API, admin panel and phone provisioning listen; port 0 means one chosen by the
     * operating system.
     *
     * @param tls whether the port answers HTTPS too (with the certificate in {@code sip.tls_dir})
     * @param metricsToken the bearer token a scraper presents on {@code /metrics}; empty to serve it to this host only
     */
    public record Http(String bind, int port, boolean tls, Optional<String> metricsToken) {
        @Override
        public String toString() {
            return "Http[bind=" + bind + ", port=" + port + ", tls=" + tls + ", metricsToken="
                    + (metricsToken.isPresent() ? "***" : "(none)") + "]";
        }
    }

    /**
     * The UDP port range for RTP media, both ends included.
     *
     * @param mediaTimeout an answered call whose phone sent no RTP for this long is hung up
     */
    /** {@code ioThreads}: the relay's event loops; empty = {@code RelaySettings.defaultIoThreads} of the cores. */
    public record Rtp(int portMin, int portMax, Duration mediaTimeout, OptionalInt ioThreads) {}

    /** Call control: how long callee phones ring before the caller gets 480; the time zone time rules are read in. */
    public record Calls(Duration noAnswerTimeout, ZoneId timeZone) {}

    /**
     * Message waiting (docs/voicemail-notifications.md).
     *
     * @param unsolicitedUserAgents comma-separated User-Agent pieces of phones sent NOTIFYs without subscribing; blank for none
     * @param maxExpires the longest subscription granted (a longer Expires is cut to it)
     */
    public record Mwi(String unsolicitedUserAgents, Duration maxExpires) {}

    /**
     * The mail server new voicemail messages are sent through (docs/voicemail-notifications.md).
     *
     * @param host empty: no voicemail is mailed
     * @param startTls whether the session must be upgraded with STARTTLS before anything is sent
     * @param username empty: the server is used without logging in
     */
    public record Smtp(Optional<String> host, int port, String from, boolean startTls, Optional<String> username,
                       Optional<String> password) {
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", from=" + from + ", startTls=" + startTls + ", username="
                    + username + ", password=" + (password.isPresent() ? "***" : "(none)") + "]";
        }
    }

    /**
     * How to reach the database.
     *
     * @param poolSize empty for the engine's default (4 for SQLite, 10 for PostgreSQL)
     */
    public record Database(String url, String user, String password, OptionalInt poolSize, SqliteSynchronous sqliteSynchronous) {

        /** The store's settings for these values. */
        public DatabaseSettings settings() {
            DatabaseSettings defaults = DatabaseSettings.of(url, user, password);
            return new DatabaseSettings(url, user, password, poolSize.orElse(defaults.poolSize()), sqliteSynchronous);
        }

        @Override
        public String toString() {
            return "Database[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize
                    + ", sqliteSynchronous=" + sqliteSynchronous + "]";
        }
    }

    /**
     * The first administrator, created when the database has none (seed), and how long admin
     * tokens live (a server setting, used on every start).
     *
     * @param password empty to have one generated and printed once
     * @param tokenTtl lifetime of a bearer token issued at login
     * @param loginMaxFailures failed logins within {@code loginFailureWindow} that block a (username, address)
     *     pair or an address, and after which every attempt for that username waits {@code loginSlowdown}
     */
    public record Admin(String username, Optional<String> password, Duration tokenTtl, int loginMaxFailures,
                        Duration loginFailureWindow, Duration loginSlowdown) {
        @Override
        public String toString() {
            return "Admin[username=" + username + ", password=" + (password.isPresent() ? "***" : "(generated)")
                    + ", tokenTtl=" + tokenTtl + ", loginMaxFailures=" + loginMaxFailures + ", loginFailureWindow="
                    + loginFailureWindow + ", loginSlowdown=" + loginSlowdown + "]";
        }
    }

    /**
     * Phone provisioning: where the key that encrypts provisioned SIP passwords is kept (outside the
     * database, so a copy of the database alone reveals none), an optional folder of template
     * overrides, the site-wide values written into every phone's file, whether phones' files are
     * served over HTTPS only, and the devices copied into an empty device table once (seed).
     */
    public record Provisioning(Path keyFile, Optional<Path> templateDir, String voicemailNumber, ZoneId timeZone,
                               String ntpServer, boolean httpsOnly, List<DeviceImportRow> devices) {
        public Provisioning {
            devices = List.copyOf(devices);
        }
    }
}
