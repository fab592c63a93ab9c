package org.switchboard.store.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiAttendantStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final MenuAction HANGUP = new MenuAction("hangup", "");

    private static NewMenu menu(String name, MenuOption... options) {
        return new NewMenu(name, "welcome", 5, 2, List.of(options), new MenuAction("voicemail", "1000"), HANGUP);
    }

    private static MenuOption option(String digit, String action, String target) {
        return new MenuOption(digit, new MenuAction(action, target));
    }

    @BothEngines
    void menusOptionsAndSettingsSurviveARestart(TestDatabase db) {
        JdbiAttendantStore store = new JdbiAttendantStore(db.database());
        store.create(menu("main", option("#", "hangup", ""), option("2", "extension", "1002"), option("3", "menu", "sales")), T0);
        store.create(menu("sales", option("1", "extension", "1001")), T0);
        store.create(menu("old"), T0);
        store.update("sales", new NewMenu("sales", "sales-greeting", 8, 0, List.of(option("9", "repeat", "")),
                HANGUP, new MenuAction("menu", "main")), T1);
        store.delete("old");
        store.saveSettings(new AttendantSettings(Optional.of("main"), false, Duration.ofMillis(2500)), T1);

        JdbiAttendantStore after = new JdbiAttendantStore(db.restart());

        assertThat(after.menus()).extracting(Menu::name).containsExactly("main", "sales");
        Menu main = after.menu("main").orElseThrow();
        assertThat(main.options()).as("key order").containsExactly(option("2", "extension", "1002"),
                option("3", "menu", "sales"), option("#", "hangup", ""));
        assertThat(main.timeoutAction()).isEqualTo(new MenuAction("voicemail", "1000"));
        Menu sales = after.menu("sales").orElseThrow();
        assertThat(sales.greeting()).isEqualTo("sales-greeting");
        assertThat(sales.timeoutSeconds()).isEqualTo(8);
        assertThat(sales.retries()).isZero();
        assertThat(sales.options()).containsExactly(option("9", "repeat", ""));
        assertThat(sales.invalidAction()).isEqualTo(new MenuAction("menu", "main"));
        assertThat(sales.createdAt()).isEqualTo(T0);
        assertThat(sales.updatedAt()).isEqualTo(T1);
        assertThat(after.settings()).isEqualTo(new AttendantSettings(Optional.of("main"), false, Duration.ofMillis(2500)));
    }

    @BothEngines
    void aNodeWithoutSavedSettingsGetsTheDefaults(TestDatabase db) {
        assertThat(new JdbiAttendantStore(db.database()).settings()).isEqualTo(AttendantSettings.DEFAULTS);
    }

    @BothEngines
    void aSecondMenuOfTheSameNameIsAConflictAndUnknownMenusAreNotFound(TestDatabase db) {
        JdbiAttendantStore store = new JdbiAttendantStore(db.database());
        store.create(menu("main"), T0);

        assertThatThrownBy(() -> store.create(menu("main"), T1)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> store.update("nope", menu("nope"), T1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("nope")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void twoOptionsOnOneKeyAreRefusedNamingTheSecond(TestDatabase db) {
        assertThatThrownBy(() -> menu("main", option("1", "hangup", ""), option("1", "repeat", "")))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "options[1].digit");
        assertThatThrownBy(() -> option("A", "hangup", ""))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "digit");
    }
}
