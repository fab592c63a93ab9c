package org.switchboard.api.provisioning;

import java.time.Instant;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.pbx.provisioning.DeviceInput;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Not a test: starts a provisioning node on a fresh SQLite file with 100 Yealink devices and
 * prints its port and the provisioning path with the URL token, for measuring {@code /provision/} fetches per second with wrk (see the
 * command in docs/provisioning.md). Runs until stdin closes. Single-threaded main.
 */
public final class ProvisioningBenchServer {
    private ProvisioningBenchServer() {}

    public static void main(String[] args) throws Exception {
        try (TestDatabase db = TestDatabases.sqlite();
             ProvisioningNode node = new ProvisioningNode(db.database(), DeviceSecretCipher.newKey(),
                     new TestClock(Instant.parse("2026-05-01T10:00:00Z")))) {
            node.extension("1001", "Bench");
            for (int i = 0; i < 100; i++) {
                node.provisioning.save(DeviceInput.parse("0015650000%02x".formatted(i), "1001", "yealink", "T46S"), "bench");
            }
            System.out.println("PORT " + node.server.port());
            System.out.println("PATH " + node.path(""));
            System.out.flush();
            while (System.in.read() != -1) {
                // Wait for the caller to close stdin.
            }
        }
    }
}
