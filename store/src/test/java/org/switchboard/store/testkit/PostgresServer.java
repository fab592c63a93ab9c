package org.switchboard.store.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.TestAbortedException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseSettings;

/**
 * The PostgreSQL server the tests use, from {@code SWITCHBOARD_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code SWITCHBOARD_TEST_PG_USER} (default
 * {@code postgres}) and {@code SWITCHBOARD_TEST_PG_PASSWORD} (default empty). Once per JVM it
 * migrates a template database {@code sb_tpl_<random>}; each test then gets
 * {@code CREATE DATABASE t_<random> TEMPLATE sb_tpl_...}, which copies files instead of running
 * migrations. The template is dropped when the JVM exits. Thread-safe.
 */
final class PostgresServer {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Object LOCK = new Object();
    private static final Duration ABANDONED_AFTER = Duration.ofHours(3);
    private static final Pattern CREATED_AT = Pattern.compile("^(?:t|sb_tpl)_(\\d{10,})_");
    private static Optional<PostgresServer> shared;
    private static volatile String unreachableReason;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String template;
    // DROP DATABASE takes about a second (it waits for a checkpoint); tests do not wait for it.
    private final ExecutorService dropper = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("sb-test-pg-drop").unstarted(r));

    private PostgresServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.template = "sb_tpl_" + uniqueSuffix();
    }

    /**
     * The server with its template ready. Unreachable: throws {@link TestAbortedException} (test
     * skipped, message on stderr naming the URL), or fails the test when {@code CI=true}.
     */
    static PostgresServer shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = connect(env("SWITCHBOARD_TEST_PG_URL", DEFAULT_URL), env("SWITCHBOARD_TEST_PG_USER", "postgres"),
                        env("SWITCHBOARD_TEST_PG_PASSWORD", ""));
            }
            return require(shared, "true".equalsIgnoreCase(System.getenv("CI")));
        }
    }

    /** The server, or the skip/failure a missing one means ({@code ci}: fail instead of skipping). */
    static PostgresServer require(Optional<PostgresServer> server, boolean ci) {
        if (server.isPresent()) {
            return server.get();
        }
        if (ci) {
            Assertions.fail(unreachableReason + " (CI=true: PostgreSQL tests must run)");
        }
        throw new TestAbortedException(unreachableReason);
    }

    /** Connects and migrates a fresh template; empty (with the reason printed loudly) when the server cannot be reached. */
    static Optional<PostgresServer> connect(String url, String user, String password) {
        PostgresServer server = new PostgresServer(url, user, password);
        try {
            server.admin("CREATE DATABASE " + server.template);
        } catch (SQLException e) {
            unreachableReason = "PostgreSQL unreachable at " + url + " (set SWITCHBOARD_TEST_PG_URL): " + e.getMessage();
            System.err.println("""

                    ************************************************************************
                    SKIPPING POSTGRESQL TESTS: %s
                    ************************************************************************
                    """.formatted(unreachableReason));
            return Optional.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::dropEverything, "sb-test-pg-template-drop"));
        try {
            server.sweepAbandoned();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot sweep abandoned test databases", e);
        }
        Database.open(server.settingsFor(server.template)).close();
        try {
            // A template keeps its data copyable only while nobody is connected; forbid connections.
            server.admin("ALTER DATABASE " + server.template + " WITH ALLOW_CONNECTIONS false");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock template database " + server.template, e);
        }
        return Optional.of(server);
    }

    /** Creates {@code t_<random>} from the template and returns its name. */
    String createFromTemplate() {
        String name = "t_" + uniqueSuffix();
        synchronized (LOCK) {
            try {
                admin("CREATE DATABASE " + name + " TEMPLATE " + template);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name + " from " + template, e);
            }
        }
        return name;
    }

    /** Drops a test database in the background; the JVM's exit waits for it. */
    void dropLater(String database) {
        dropper.execute(() -> drop(database));
    }

    private void dropEverything() {
        dropper.shutdown();
        try {
            // A few seconds, not the 30 after which Surefire kills a fork: waiting for every queued drop (a
            // second each) held each test JVM's exit for 20 s; what is left is swept by a later run.
            dropper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drop(template);
    }

    private void drop(String database) {
        try {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + database, e);
        }
    }

    DatabaseSettings settingsFor(String database) {
        return DatabaseSettings.of(urlFor(database), user, password);
    }

    private String urlFor(String database) {
        int hostStart = adminUrl.indexOf("//") + 2;
        int pathStart = adminUrl.indexOf('/', hostStart);
        int query = adminUrl.indexOf('?');
        String base = pathStart < 0 ? (query < 0 ? adminUrl : adminUrl.substring(0, query)) : adminUrl.substring(0, pathStart);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return base + "/" + database + params;
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, adminProperties()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return props;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Drops test databases that runs which ended abruptly left behind. Their names carry their
     * creation time; anything older than any test run could be is no longer in use.
     */
    private void sweepAbandoned() throws SQLException {
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        Properties props = adminProperties();
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(adminUrl, props);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 't\\_%' OR datname LIKE 'sb\\_tpl\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                Matcher m = CREATED_AT.matcher(name);
                if (m.find() && Long.parseLong(m.group(1)) < cutoff) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            drop(name);
        }
    }

    /** Creation time in seconds, then random bytes: unique and sweepable. */
    private static String uniqueSuffix() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return Instant.now().getEpochSecond() + "_" + HexFormat.of().formatHex(b);
    }
}
