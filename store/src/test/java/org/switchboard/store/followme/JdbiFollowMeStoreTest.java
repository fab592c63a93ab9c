package org.switchboard.store.followme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionUpdate;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiFollowMeStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    private static Extension extension(Database database, String number) {
        return new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    private static FollowMe inOrder(String... numbers) {
        return new FollowMe(true, true, 10, FollowMeStrategy.IN_ORDER,
                List.of(numbers).stream().map(n -> new FollowMeDestination(n, 15)).toList());
    }

    @BothEngines
    void settingsAndListsSurviveARestart(TestDatabase db) {
        extension(db.database(), "2001");
        extension(db.database(), "2002");
        extension(db.database(), "2003");
        JdbiFollowMeStore store = new JdbiFollowMeStore(db.database());
        store.put("2001", inOrder("2002", "2003"), T0);
        FollowMe together = new FollowMe(false, false, 30, FollowMeStrategy.TOGETHER,
                List.of(new FollowMeDestination("2003", 25), new FollowMeDestination("2001", 40)));
        store.put("2002", inOrder("2001"), T0);
        store.put("2002", together, T0.plusSeconds(1));
        store.put("2003", FollowMe.NONE, T0);

        JdbiFollowMeStore after = new JdbiFollowMeStore(db.restart());

        assertThat(after.find("2001")).contains(inOrder("2002", "2003"));
        assertThat(after.find("2002")).contains(together);
        assertThat(after.find("2003")).contains(FollowMe.NONE);
        assertThat(after.all()).containsOnlyKeys("2001", "2002", "2003");
    }

    @BothEngines
    void settingsFollowARenumberedExtensionAndGoWithADeletedOne(TestDatabase db) {
        Extension a = extension(db.database(), "2001");
        Extension b = extension(db.database(), "2002");
        JdbiFollowMeStore store = new JdbiFollowMeStore(db.database());
        store.put("2001", inOrder("2002"), T0);
        store.put("2002", inOrder("2001"), T0);
        JdbiExtensionStore extensions = new JdbiExtensionStore(db.database());

        extensions.delete(a.id());
        extensions.update(b.id(), new ExtensionUpdate("2009", "B", null, Optional.empty(), Optional.empty(), false, true, null),
                T0.plusSeconds(1));

        assertThat(store.all()).containsOnlyKeys("2009");
        assertThat(store.find("2009")).contains(inOrder("2001"));
    }

    @BothEngines
    void badShapesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new FollowMe(true, true, 4, FollowMeStrategy.IN_ORDER, List.of(new FollowMeDestination("2002", 15))))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "desk_seconds");
        assertThatThrownBy(() -> new FollowMe(true, true, 10, FollowMeStrategy.IN_ORDER, List.of()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "destinations");
        assertThatThrownBy(() -> new FollowMe(true, true, 10, FollowMeStrategy.IN_ORDER,
                List.of(new FollowMeDestination("2002", 15), new FollowMeDestination("2002", 20))))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "destinations[1].number");
        assertThatThrownBy(() -> new FollowMeDestination("20a", 15))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "number");
        assertThatThrownBy(() -> new FollowMeDestination("2002", 301))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "ring_seconds");
    }
}
