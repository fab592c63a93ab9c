package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.Database;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionStore;
import org.switchboard.store.extension.ExtensionUpdate;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Two nodes on one database: an update that keeps the password must not undo a password set on the other node. */
class ExtensionServiceAcrossNodesTest {
    private static final String REALM = "pbx.example.org";

    /**
     * The real store, with one test hook: the next time a row is read, {@code afterRead} runs (the
     * other node's change landing between this node's read and its write).
     */
    static final class InterleavingStore implements ExtensionStore {
        final JdbiExtensionStore real;
        final AtomicReference<Runnable> afterRead = new AtomicReference<>();

        InterleavingStore(Database database) {
            real = new JdbiExtensionStore(database);
        }

        @Override
        public Optional<Extension> findByNumber(String number) {
            Optional<Extension> found = real.findByNumber(number);
            Runnable hook = afterRead.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            return found;
        }

        @Override
        public Extension create(NewExtension extension, Instant now) {
            return real.create(extension, now);
        }

        @Override
        public Extension update(long id, ExtensionUpdate extension, Instant now) {
            return real.update(id, extension, now);
        }

        @Override
        public Extension setVoicemailPinHash(long id, String pinHash, Instant now) {
            return real.setVoicemailPinHash(id, pinHash, now);
        }

        @Override
        public List<Extension> list() {
            return real.list();
        }

        @Override
        public void delete(long id) {
            real.delete(id);
        }

        @Override
        public long count() {
            return real.count();
        }
    }

    private static ExtensionService node(ExtensionStore store) {
        // Cheap Argon2 cost: the production cost is covered by Argon2PasswordHasherTest.
        return new ExtensionService(store, REALM, new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
    }

    @BothEngines
    void renameOnOneNodeKeepsThePasswordSetMeanwhileOnTheOther(TestDatabase db) {
        InterleavingStore storeA = new InterleavingStore(db.database());
        ExtensionService nodeA = node(storeA);
        ExtensionService nodeB = node(new JdbiExtensionStore(db.database()));
        nodeA.create(new ExtensionInput("1001", "Alice", "old-password", null, "4321", false, true), "test");

        storeA.afterRead.set(() -> nodeB.update("1001",
                new ExtensionInput("1001", "Alice", "new-password", null, "8765", false, true), "node-b"));
        nodeA.update("1001", new ExtensionInput("1001", "Alice Renamed", null, null, null, false, true), "node-a");

        Extension stored = nodeB.get("1001");
        assertThat(stored.name()).isEqualTo("Alice Renamed");
        assertThat(stored.ha1Md5()).as("HA1 of the password node B set")
                .isEqualTo(DigestAlgorithm.MD5.ha1("1001", REALM, "new-password"));
        assertThat(stored.ha1Sha256()).isEqualTo(DigestAlgorithm.SHA_256.ha1("1001", REALM, "new-password"));
        nodeB.reloadCache();
        assertThat(nodeB.checkVoicemailPin("1001", "8765")).as("PIN node B set").isTrue();
    }
}
