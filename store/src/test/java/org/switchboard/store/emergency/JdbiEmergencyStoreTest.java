package org.switchboard.store.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiEmergencyStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    static final EmergencySettings SETTINGS = new EmergencySettings(List.of("911", "112"), List.of("carrier", "backup"),
            Optional.of("15550001000"), List.of("desk@example.com", "boss@example.com"), Optional.of("1000"));

    static CivicAddress room(String room) {
        return new CivicAddress("US", "CA", "Springfield", "Main St", "100", Optional.of("2"), Optional.of(room),
                Optional.of("Acme HQ"), Optional.of("95000"));
    }

    private static void extension(Database database, String number) {
        new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    @BothEngines
    void settingsAndALocationAreSavedAndLoadedWithEveryValue(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiEmergencyStore store = new JdbiEmergencyStore(db.database());

        assertThat(store.settings()).isEmpty();
        StoredEmergencySettings saved = store.saveSettings(SETTINGS, T0);
        EmergencyLocation location = store.saveLocation("1001", room("201"), T0);

        assertThat(store.settings()).contains(saved);
        assertThat(saved.values()).isEqualTo(SETTINGS);
        assertThat(store.location("1001")).contains(location);
        assertThat(location.civic()).isEqualTo(room("201"));
        assertThat(location.createdAt()).isEqualTo(T0);
    }

    @BothEngines
    void aLocationWithoutItsOptionalElementsKeepsThemEmpty(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiEmergencyStore store = new JdbiEmergencyStore(db.database());
        CivicAddress bare = new CivicAddress("de", "BY", "München", "Marienplatz", "8", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        store.saveLocation("1001", bare, T0);

        assertThat(store.location("1001").orElseThrow().civic()).isEqualTo(bare);
        assertThat(bare.country()).isEqualTo("DE");
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        extension(db.database(), "1003");
        JdbiEmergencyStore store = new JdbiEmergencyStore(db.database());
        store.saveSettings(EmergencySettings.UNSET, T0);
        EmergencySettings changed = new EmergencySettings(List.of("112"), List.of("carrier"), Optional.empty(),
                List.of(), Optional.empty());
        store.saveSettings(changed, T1);
        store.saveLocation("1001", room("201"), T0);
        store.saveLocation("1002", room("202"), T0);
        store.saveLocation("1003", room("203"), T0);
        store.saveLocation("1001", room("101"), T1);
        store.deleteLocation("1002");

        JdbiEmergencyStore after = new JdbiEmergencyStore(db.restart());

        StoredEmergencySettings settings = after.settings().orElseThrow();
        assertThat(settings.values()).isEqualTo(changed);
        assertThat(settings.createdAt()).isEqualTo(T0);
        assertThat(settings.updatedAt()).isEqualTo(T1);
        assertThat(after.locations()).extracting(EmergencyLocation::extension).containsExactly("1001", "1003");
        EmergencyLocation moved = after.location("1001").orElseThrow();
        assertThat(moved.civic().room()).contains("101");
        assertThat(moved.createdAt()).isEqualTo(T0);
        assertThat(moved.updatedAt()).isEqualTo(T1);
        assertThat(after.location("1002")).isEmpty();
    }

    @BothEngines
    void aLocationGoesWithItsExtensionAndDeletingNoneIsNotFound(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiEmergencyStore store = new JdbiEmergencyStore(db.database());
        store.saveLocation("1001", room("201"), T0);

        JdbiExtensionStore extensions = new JdbiExtensionStore(db.database());
        extensions.delete(extensions.findByNumber("1001").orElseThrow().id());

        assertThat(store.locations()).isEmpty();
        assertThatThrownBy(() -> store.deleteLocation("1001")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertField(() -> new EmergencySettings(List.of(), List.of("c"), Optional.empty(), List.of(), Optional.empty()),
                "numbers");
        assertField(() -> new EmergencySettings(List.of("9-1-1"), List.of("c"), Optional.empty(), List.of(),
                Optional.empty()), "numbers");
        assertField(() -> new EmergencySettings(List.of("911", "911"), List.of("c"), Optional.empty(), List.of(),
                Optional.empty()), "numbers");
        assertField(() -> new EmergencySettings(List.of("911"), List.of("a b"), Optional.empty(), List.of(),
                Optional.empty()), "trunks");
        assertField(() -> new EmergencySettings(List.of("911"), List.of("c"), Optional.of("12ab"), List.of(),
                Optional.empty()), "callback_number");
        assertField(() -> new EmergencySettings(List.of("911"), List.of("c"), Optional.empty(), List.of("desk"),
                Optional.empty()), "notify.emails");
        assertField(() -> new EmergencySettings(List.of("911"), List.of("c"), Optional.empty(), List.of(),
                Optional.of("desk")), "notify.extension");
        assertField(() -> new CivicAddress("USA", "CA", "S", "M", "1", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "civic.country");
        assertField(() -> new CivicAddress("US", "CA", " ", "M", "1", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "civic.city");
        assertField(() -> new CivicAddress("US", "CA", "S", "M", null, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), "civic.house_number");
        assertField(() -> new CivicAddress("US", "CA", "S", "M", "1", Optional.of("x".repeat(17)), Optional.empty(),
                Optional.empty(), Optional.empty()), "civic.floor");
    }

    private static void assertField(Runnable construct, String field) {
        assertThatThrownBy(construct::run).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", field);
    }
}
