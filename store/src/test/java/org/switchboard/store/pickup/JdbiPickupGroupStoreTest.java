package org.switchboard.store.pickup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiPickupGroupStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    private static Extension extension(Database database, String number) {
        return new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    @BothEngines
    void groupsAreReplacedPerExtensionAndSurviveARestart(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        extension(db.database(), "1003");
        JdbiPickupGroupStore store = new JdbiPickupGroupStore(db.database());
        store.save(new ExtensionPickupGroups("1001", List.of("sales", "front-desk")), T0);
        store.save(new ExtensionPickupGroups("1002", List.of("sales")), T0);
        store.save(new ExtensionPickupGroups("1003", List.of("support")), T0);
        store.save(new ExtensionPickupGroups("1003", List.of()), T1);
        store.save(new ExtensionPickupGroups("1002", List.of("support", "sales", "support")), T1);

        JdbiPickupGroupStore after = new JdbiPickupGroupStore(db.restart());

        assertThat(after.all()).containsExactly(
                new ExtensionPickupGroups("1001", List.of("front-desk", "sales")),
                new ExtensionPickupGroups("1002", List.of("sales", "support")));
    }

    @BothEngines
    void deletingAnExtensionTakesItOutOfItsGroups(TestDatabase db) {
        extension(db.database(), "1001");
        Extension gone = extension(db.database(), "1002");
        JdbiPickupGroupStore store = new JdbiPickupGroupStore(db.database());
        store.save(new ExtensionPickupGroups("1001", List.of("sales")), T0);
        store.save(new ExtensionPickupGroups("1002", List.of("sales")), T0);

        new JdbiExtensionStore(db.database()).delete(gone.id());

        assertThat(store.all()).containsExactly(new ExtensionPickupGroups("1001", List.of("sales")));
    }

    @BothEngines
    void badGroupNamesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new ExtensionPickupGroups("1001", List.of("Sales Team")))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "groups");
        assertThatThrownBy(() -> new ExtensionPickupGroups("1001", null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "groups");
        assertThatThrownBy(() -> new ExtensionPickupGroups("", List.of()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "extension");
    }
}
