package org.switchboard.store.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionUpdate;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiPagingZoneStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    private static Extension extension(Database database, String number) {
        return new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    private static void extensions(Database database, String... numbers) {
        for (String number : numbers) {
            extension(database, number);
        }
    }

    @BothEngines
    void zonesAndMembersSurviveARestart(TestDatabase db) {
        extensions(db.database(), "2001", "2002", "2003");
        JdbiPagingZoneStore store = new JdbiPagingZoneStore(db.database());
        store.create(new NewPagingZone("warehouse", Optional.of("600"), List.of("2001", "2002"), true, 60), T0);
        store.create(new NewPagingZone("office", Optional.empty(), List.of("2001"), true, 30), T0);
        store.create(new NewPagingZone("old", Optional.of("699"), List.of("2003"), true, 30), T0);
        store.update("office", new NewPagingZone("office", Optional.of("601"), List.of("2003", "2001", "2002"), false, 120),
                T1);
        store.delete("old");

        JdbiPagingZoneStore after = new JdbiPagingZoneStore(db.restart());

        assertThat(after.list()).extracting(PagingZone::name).containsExactly("office", "warehouse");
        PagingZone office = after.find("office").orElseThrow();
        assertThat(office.toNew()).isEqualTo(
                new NewPagingZone("office", Optional.of("601"), List.of("2003", "2001", "2002"), false, 120));
        assertThat(office.createdAt()).isEqualTo(T0);
        assertThat(office.updatedAt()).isEqualTo(T1);
        assertThat(after.find("warehouse").orElseThrow().toNew())
                .isEqualTo(new NewPagingZone("warehouse", Optional.of("600"), List.of("2001", "2002"), true, 60));
        assertThat(after.find("old")).isEmpty();
    }

    @BothEngines
    void membersFollowARenumberedExtensionAndGoWithADeletedOne(TestDatabase db) {
        Extension a = extension(db.database(), "2001");
        Extension b = extension(db.database(), "2002");
        extension(db.database(), "2003");
        JdbiPagingZoneStore store = new JdbiPagingZoneStore(db.database());
        store.create(new NewPagingZone("all", Optional.empty(), List.of("2001", "2002", "2003"), true, 60), T0);
        JdbiExtensionStore extensions = new JdbiExtensionStore(db.database());

        extensions.delete(a.id());
        extensions.update(b.id(), new ExtensionUpdate("2009", "B", null, Optional.empty(), Optional.empty(), false, true, null), T1);

        assertThat(store.find("all").orElseThrow().members()).containsExactly("2009", "2003");
    }

    @BothEngines
    void aTakenNameOrNumberIsAConflictAndUnknownZonesAreNotFound(TestDatabase db) {
        extensions(db.database(), "2001");
        JdbiPagingZoneStore store = new JdbiPagingZoneStore(db.database());
        NewPagingZone all = new NewPagingZone("all", Optional.of("600"), List.of("2001"), true, 60);
        store.create(all, T0);

        assertThatThrownBy(() -> store.create(new NewPagingZone("all", Optional.of("601"), List.of("2001"), true, 60), T1))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> store.create(new NewPagingZone("other", Optional.of("600"), List.of("2001"), true, 60), T1))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "number");
        assertThatThrownBy(() -> store.update("nope", all, T1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("nope")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void badShapesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewPagingZone("All!", Optional.empty(), List.of("2001"), true, 60))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> new NewPagingZone("all", Optional.of("6x"), List.of("2001"), true, 60))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "number");
        assertThatThrownBy(() -> new NewPagingZone("all", Optional.empty(), List.of(), true, 60))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "members");
        assertThatThrownBy(() -> new NewPagingZone("all", Optional.empty(), List.of("2001", "2001"), true, 60))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "members[1]");
        assertThatThrownBy(() -> new NewPagingZone("all", Optional.empty(), List.of("2001"), true, 4))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "max_seconds");
    }
}
