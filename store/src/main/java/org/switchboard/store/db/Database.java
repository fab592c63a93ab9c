package org.switchboard.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.switchboard.store.files.DataDirectory;

/**
 * The connection pool and transaction boundary for every store: opens SQLite or PostgreSQL,
 * migrates the schema, and runs work in one transaction per call, translating driver errors
 * into {@link ConflictException}, {@link UnavailableException} and {@link StorageFullException}.
 *
 * <p>Faults are tracked in {@link #faults()}: one log line when an outage or a full disk begins and
 * one when it ends. While the database is known to be unreachable, every call fails at once with
 * {@link UnavailableException} instead of waiting for a connection (a circuit breaker), and one
 * virtual thread probes it every {@link #PROBE_INTERVAL} until it answers again.
 *
 * <p>Thread-safe; call from request, worker or virtual threads. Calls from a SIP or RTP event
 * loop ({@code sip-io-*}, {@code rtp-io-*}) are refused with {@link IllegalStateException},
 * because database calls block.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int SQLITE_BUSY_TIMEOUT_MS = 5000;
    private static final long CONNECTION_TIMEOUT_MS = 5000;
    /** How often an unreachable database is tried again in the background. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private final Engine engine;
    private final String schemaVersion;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    // The transaction the calling thread is inside, so nested store calls join it (see write).
    private final ThreadLocal<Handle> current = new ThreadLocal<>();
    private final DatabaseFaults faults = new DatabaseFaults(InstantSource.system());
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean closed;

    private Database(Engine engine, HikariDataSource pool, String schemaVersion) {
        this.engine = engine;
        this.pool = pool;
        this.schemaVersion = schemaVersion;
        this.jdbi = Jdbi.create(pool);
        EpochMillis.register(jdbi);
    }

    /**
     * Opens the pool and applies pending migrations. Throws {@link UnavailableException} when the
     * database cannot be reached (the message names the URL without its query string), and
     * {@link ValidationException} on field {@code database.url} when the SQLite file's folder
     * cannot be created.
     */
    public static Database open(DatabaseSettings settings) {
        EventLoopGuard.refuseEventLoop();
        Engine engine = settings.engine();
        settings.sqliteFile().ifPresent(Database::createParentFolder);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings, engine));
        } catch (HikariPool.PoolInitializationException e) {
            throw new UnavailableException("database unreachable at " + safeUrl(settings.url()) + ": "
                    + rootMessage(e), e);
        }
        String schemaVersion;
        try {
            schemaVersion = Migrations.migrate(pool, engine);
        } catch (RuntimeException e) {
            pool.close();
            throw ConstraintViolations.translate(e).orElse(e);
        }
        Database database = new Database(engine, pool, schemaVersion);
        log.info("database opened engine={} url={} pool_size={} schema_version={}", engine.name().toLowerCase(Locale.ROOT),
                safeUrl(settings.url()), settings.poolSize(), database.schemaVersion());
        return database;
    }

    /** Which engine this is. */
    public Engine engine() {
        return engine;
    }

    /**
     * Runs {@code work} in one write transaction and returns its result; committed when this
     * returns. Called again on the same thread from inside {@code work} (a store method used by a
     * service or seed that already holds a transaction), it joins that transaction instead of
     * opening a second one, so several store calls commit or roll back together.
     */
    public <T> T write(HandleWork<T> work) {
        EventLoopGuard.refuseEventLoop();
        Handle joined = current.get();
        if (joined != null) {
            return translated(() -> work.apply(joined));
        }
        failFastWhileUnreachable();
        T result = translated(() -> jdbi.inTransaction(handle -> {
            current.set(handle);
            try {
                return work.apply(handle);
            } finally {
                current.remove();
            }
        }));
        faults.succeeded(true);
        return result;
    }

    /** Runs {@code action} in one write transaction (or the one this thread already holds); committed when this returns. */
    public void execute(HandleAction action) {
        write(handle -> {
            action.accept(handle);
            return null;
        });
    }

    /**
     * Runs read-only {@code work}. Inside a {@link #write} on the same thread it joins that
     * transaction (and sees its uncommitted changes). Otherwise, on PostgreSQL it runs in one
     * transaction; on SQLite each statement reads a consistent snapshot on its own, without
     * taking the write lock that every SQLite transaction here starts with ({@code BEGIN
     * IMMEDIATE}). Work that needs one snapshot across several statements on both engines uses
     * {@link #write}.
     */
    public <T> T read(HandleWork<T> work) {
        EventLoopGuard.refuseEventLoop();
        Handle joined = current.get();
        if (joined != null) {
            return translated(() -> work.apply(joined));
        }
        failFastWhileUnreachable();
        T result = switch (engine) {
            case POSTGRESQL -> translated(() -> jdbi.inTransaction(work::apply));
            case SQLITE -> translated(() -> jdbi.withHandle(work::apply));
        };
        faults.succeeded(false);
        return result;
    }

    /**
     * Whether a connection can be had and answers {@code SELECT 1}; for health checks. Never throws.
     * While an outage is known it answers false at once (the background probe ends the outage).
     */
    public boolean isReachable() {
        EventLoopGuard.refuseEventLoop();
        if (faults.unreachable()) {
            return false;
        }
        return ping();
    }

    /** The faults in progress (unreachable, disk full), for health checks; see the class comment. */
    public DatabaseFaults faults() {
        return faults;
    }

    private void failFastWhileUnreachable() {
        DatabaseFaults.Fault fault = faults.current().orElse(null);
        if (fault != null && fault.kind() == DatabaseFaults.Kind.UNREACHABLE) {
            throw new UnavailableException(fault.kind().sentence() + " since " + fault.since() + "; nothing was changed", null);
        }
    }

    /** One round trip outside the breaker; records the outcome in {@link #faults}. */
    private boolean ping() {
        try (Handle handle = jdbi.open()) {
            boolean ok = handle.createQuery("SELECT 1").mapTo(Integer.class).one() == 1;
            faults.succeeded(false);
            return ok;
        } catch (RuntimeException e) {
            RuntimeException translated = ConstraintViolations.translate(e).orElse(e);
            log.debug("database health check failed reason={}", rootMessage(e));
            record(translated);
            return false;
        }
    }

    /** The schema version this process runs against: the last migration applied when it opened, e.g. {@code "003"}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * Publishes the pool's metrics ({@code hikaricp.connections}, {@code .active}, {@code .idle},
     * {@code .pending}, acquire/usage timers, tagged {@code pool=sb-db}) to {@code registry}. Call
     * once, by the thread that wires the server; a second call throws {@link IllegalStateException}.
     */
    public void bindMetrics(MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** Closes every pooled connection and stops probing; later calls fail. */
    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    private <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            RuntimeException translated = ConstraintViolations.translate(e).orElse(e);
            record(translated);
            throw translated;
        }
    }

    /** Feeds a failure to {@link #faults}; an outage that begins starts the background probe. */
    private void record(RuntimeException failure) {
        if (closed) {
            return;
        }
        switch (failure) {
            case StorageFullException full -> faults.failed(DatabaseFaults.Kind.DISK_FULL, rootMessage(full));
            case UnavailableException lost -> {
                if (faults.failed(DatabaseFaults.Kind.UNREACHABLE, rootMessage(lost)) && probing.compareAndSet(false, true)) {
                    Thread.ofVirtual().name("db-probe").start(this::probeUntilReachable);
                }
            }
            default -> { }
        }
    }

    /** Tries the database every {@link #PROBE_INTERVAL} until it answers (which ends the outage) or the pool closes. */
    private void probeUntilReachable() {
        try {
            while (!closed && faults.unreachable()) {
                Thread.sleep(PROBE_INTERVAL);
                if (!closed) {
                    ping();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            probing.set(false);
            // An outage that began again between the last check and the reset needs a probe of its own.
            if (!closed && faults.unreachable() && probing.compareAndSet(false, true)) {
                Thread.ofVirtual().name("db-probe").start(this::probeUntilReachable);
            }
        }
    }

    private static HikariConfig poolConfig(DatabaseSettings settings, Engine engine) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sb-db");
        config.setMaximumPoolSize(settings.poolSize());
        // Connections are opened on demand up to the maximum: many test databases (and several
        // nodes) share one PostgreSQL and its max_connections.
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        switch (engine) {
            case SQLITE -> config.setDataSource(sqliteDataSource(settings));
            case POSTGRESQL -> {
                config.setJdbcUrl(settings.url());
                if (!settings.user().isEmpty()) {
                    config.setUsername(settings.user());
                }
                if (!settings.password().isEmpty()) {
                    config.setPassword(settings.password());
                }
                config.addDataSourceProperty("connectTimeout", "5");
                config.addDataSourceProperty("ApplicationName", "switchboard");
            }
        }
        return config;
    }

    private static SQLiteDataSource sqliteDataSource(DatabaseSettings settings) {
        SQLiteConfig config = new SQLiteConfig();
        // Off by default and per connection in SQLite: set on every connection the pool opens.
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(switch (settings.sqliteSynchronous()) {
            case NORMAL -> SQLiteConfig.SynchronousMode.NORMAL;
            case FULL -> SQLiteConfig.SynchronousMode.FULL;
        });
        // A deferred transaction that reads then writes gets SQLITE_BUSY at once, whatever
        // busy_timeout says; BEGIN IMMEDIATE takes the write lock up front and waits for it.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(settings.url());
        return dataSource;
    }

    /** A missing folder is created owner-only; a folder that cannot be used is named with the reason (field {@code database.url}). */
    private static void createParentFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            DataDirectory.ensureFolder(parent, "database.url");
        }
    }

    static String safeUrl(String url) {
        int query = url.indexOf('?');
        return query >= 0 ? url.substring(0, query) : url;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
    }
}
