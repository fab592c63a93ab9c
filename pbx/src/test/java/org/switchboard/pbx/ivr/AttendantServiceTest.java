package org.switchboard.pbx.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.prompt.PromptService;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.ivr.AttendantSettings;
import org.switchboard.store.ivr.JdbiAttendantStore;
import org.switchboard.store.ivr.Menu;
import org.switchboard.store.ivr.MenuAction;
import org.switchboard.store.ivr.MenuOption;
import org.switchboard.store.ivr.NewMenu;
import org.switchboard.store.prompt.JdbiPromptStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** The attendant's menus on a real database, both engines: what an action may be, what survives a restart. */
class AttendantServiceTest {
    private static final MenuAction HANGUP = new MenuAction("hangup", "");

    @TempDir
    Path prompts;

    private AttendantService service(Database db) {
        DestinationKinds kinds = DestinationKinds.builtIn(number -> Optional.of(true));
        PromptService promptService = new PromptService(new JdbiPromptStore(db), prompts, Clock.systemUTC(), new EventBus());
        promptService.reloadCache();
        AttendantService s = new AttendantService(new JdbiAttendantStore(db), kinds, promptService, Clock.systemUTC(),
                new EventBus());
        kinds.register(AttendantApplication.kind(s));
        s.reloadCache();
        return s;
    }

    private static NewMenu menu(String name, MenuOption... options) {
        return new NewMenu(name, "welcome", 5, 2, List.of(options), HANGUP, HANGUP);
    }

    private static MenuOption option(String digit, String action, String target) {
        return new MenuOption(digit, new MenuAction(action, target));
    }

    @BothEngines
    void menusLeadingToEachOtherAndTheSettingsSurviveARestart(TestDatabase db) {
        AttendantService s = service(db.database());
        s.create(menu("sales", option("1", "extension", "1001")), "test");
        s.create(menu("main", option("2", "extension", "1002"), option("3", "menu", "sales"), option("4", "ivr", "sales"),
                option("9", "repeat", ""), option("0", "dial_by_extension", ""), option("#", "hangup", "")), "test");
        s.update("sales", new NewMenu("sales", "goodbye", 3, 0, List.of(option("1", "menu", "main")), HANGUP,
                new MenuAction("menu", "sales")), "test");
        s.saveSettings(new AttendantSettings(Optional.of("main"), false, Duration.ofSeconds(2)), "test");

        AttendantService restarted = service(db.restart());

        assertThat(restarted.menus()).extracting(Menu::name).containsExactly("main", "sales");
        assertThat(restarted.menu("main").orElseThrow().options()).hasSize(6);
        assertThat(restarted.menu("sales").orElseThrow().greeting()).isEqualTo("goodbye");
        assertThat(restarted.settings()).isEqualTo(new AttendantSettings(Optional.of("main"), false, Duration.ofSeconds(2)));
    }

    @BothEngines
    void anOptionIsCheckedByItsKindAndTheFaultNamesTheOption(TestDatabase db) {
        AttendantService s = service(db.database());

        assertThatThrownBy(() -> s.create(menu("main", option("1", "hangup", ""), option("2", "extension", "sales")), "test"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "options[1].target");
        assertThatThrownBy(() -> s.create(menu("main", option("1", "teleport", "x")), "test"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "options[0].action")
                .hasMessageContaining("extension");
        assertThatThrownBy(() -> s.create(menu("main", option("1", "menu", "nowhere")), "test"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "options[0].target");
        assertThatThrownBy(() -> s.create(menu("main", option("1", "extension", "$1")), "test"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "options[0].target");
        assertThatThrownBy(() -> s.create(new NewMenu("main", "welcome", 5, 2, List.of(), new MenuAction("menu", "x"), HANGUP),
                "test")).isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "timeout_action.target");
        assertThatThrownBy(() -> s.create(new NewMenu("main", "no-such-prompt", 5, 2, List.of(), HANGUP, HANGUP), "test"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "greeting");
        assertThat(s.menus()).isEmpty();
    }

    @BothEngines
    void aMenuOthersLeadToCannotBeDeletedNorAnUnknownOneBeTheDefault(TestDatabase db) {
        AttendantService s = service(db.database());
        s.create(menu("sales"), "test");
        s.create(menu("main", option("3", "menu", "sales")), "test");

        assertThatThrownBy(() -> s.delete("sales", "test")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("main");
        assertThatThrownBy(() -> s.saveSettings(new AttendantSettings(Optional.of("nope"), true, Duration.ofSeconds(3)), "t"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "default_menu");
        assertThatThrownBy(() -> s.checkMenuName("nope")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "target");

        s.delete("main", "test");
        s.delete("sales", "test");
        assertThat(s.menus()).isEmpty();
    }
}
