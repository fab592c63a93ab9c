package org.switchboard.server.it;

import java.nio.file.Path;
import java.time.Clock;
import org.switchboard.server.wiring.Server;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The in-process node an IT class starts once in its {@code @BeforeAll} and shares between its
 * tests: a SQLite database copied from the run's migrated template, {@link Server#start} on the
 * YAML given, and an {@link ApiClient} logged in as the node's admin. Closing it stops the node and
 * deletes its database. Used by one test thread.
 *
 * <p>Most nodes only add their {@code rtp:} range and {@code extensions:} to {@link #BASE} with
 * {@link #start(Path, String)}; a node that needs other {@code sip:} settings gives its whole YAML
 * to {@link #startWithYaml(Path, String)}.
 */
final class TestNode implements AutoCloseable {
    static final String ADMIN = "root";
    static final String ADMIN_PASSWORD = "root-password";
    /** What every IT node shares: loopback, ports the OS picks, domain pbx.test and the admin. */
    static final String BASE = """
            sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
            http: {bind: 127.0.0.1, port: 0}
            admin: {username: %s, password: %s}
            """.formatted(ADMIN, ADMIN_PASSWORD);

    private final Teardown opened;
    private final Server server;
    private final ApiClient api;

    private TestNode(Teardown opened, Server server, ApiClient api) {
        this.opened = opened;
        this.server = server;
        this.api = api;
    }

    /** A node of {@link #BASE} plus {@code moreYaml} (its {@code rtp:}, {@code extensions:}, ...), data in {@code dir}. */
    static TestNode start(Path dir, String moreYaml) throws Exception {
        return startWithYaml(dir, BASE + moreYaml);
    }

    /** A node of exactly {@code yaml}, whose {@code admin:} must be {@link #ADMIN} with {@link #ADMIN_PASSWORD}. */
    static TestNode startWithYaml(Path dir, String yaml) throws Exception {
        return Teardown.opening(opened -> {
            TestDatabase database = opened.add(TestDatabases.sqlite());
            Server server = Server.start(NodeConfig.load(dir, database, yaml), Clock.systemUTC(), "test");
            opened.add(server::stop);
            ApiClient api = opened.add(new ApiClient(server.httpPort()));
            api.login(ADMIN, ADMIN_PASSWORD);
            return new TestNode(opened, server, api);
        });
    }

    Server server() {
        return server;
    }

    /** The REST client, logged in as {@link #ADMIN}. */
    ApiClient api() {
        return api;
    }

    /** Closes the client, stops the node, then deletes its database. */
    @Override
    public void close() throws Exception {
        opened.close();
    }
}
