package org.switchboard.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

class PostgresqlOutageTest {

    @Test
    void databaseGoneMidRunIsUnavailable() throws Exception {
        try (TestDatabase db = TestDatabases.postgresql()) {
            JdbiExtensionStore store = new JdbiExtensionStore(db.database());
            assertThat(store.count()).isZero();
            String url = db.jdbcUrl();
            String name = url.substring(url.lastIndexOf('/') + 1);
            String adminUrl = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
            Properties props = new Properties();
            props.setProperty("user", db.settings().user());
            try (Connection admin = DriverManager.getConnection(adminUrl, props); Statement s = admin.createStatement()) {
                // Terminates the pool's connections and removes the database: an outage as the pool sees it.
                s.execute("DROP DATABASE " + name + " WITH (FORCE)");
            }

            assertThatThrownBy(store::count).isInstanceOf(UnavailableException.class);
        }
    }
}
