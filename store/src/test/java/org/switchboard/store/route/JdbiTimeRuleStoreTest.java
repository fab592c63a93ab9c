package org.switchboard.store.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.route.NewTimeRule.Branch;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiTimeRuleStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Branch DESK = new Branch("extension", "1002");
    private static final Branch MAILBOX = new Branch("voicemail", "1002");

    private static NewTimeRule office(String name) {
        return new NewTimeRule(name, List.of(new OpenHours(WEEKDAYS, 9 * 60, 12 * 60),
                new OpenHours(WEEKDAYS, 13 * 60, 17 * 60 + 30)),
                List.of(new Holiday(LocalDate.parse("2026-12-25"), "Christmas")), DESK, MAILBOX);
    }

    @BothEngines
    void aRuleIsSavedAndLoadedWithItsHoursInOrderAndHolidays(TestDatabase db) {
        JdbiTimeRuleStore store = new JdbiTimeRuleStore(db.database());

        TimeRule saved = store.create(office("office"), T0);

        assertThat(saved.values()).isEqualTo(office("office"));
        assertThat(saved.createdAt()).isEqualTo(T0);
        assertThat(store.list()).containsExactly(saved);
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        JdbiTimeRuleStore store = new JdbiTimeRuleStore(db.database());
        store.create(office("office"), T0);
        store.create(office("sales"), T0);
        store.create(office("support"), T0);
        NewTimeRule weekend = new NewTimeRule("office", List.of(new OpenHours(EnumSet.of(DayOfWeek.SATURDAY), 600, 840)),
                List.of(new Holiday(LocalDate.parse("2027-01-01"), "New Year"), new Holiday(LocalDate.parse("2026-12-31"), "")),
                new Branch("ring_group", "front"), MAILBOX);
        store.update("office", weekend, T1);
        store.delete("sales");

        JdbiTimeRuleStore after = new JdbiTimeRuleStore(db.restart());

        assertThat(after.list()).extracting(TimeRule::name).containsExactly("office", "support");
        NewTimeRule office = after.list().getFirst().values();
        assertThat(office.hours()).isEqualTo(weekend.hours());
        assertThat(office.holidays()).extracting(Holiday::date)
                .containsExactly(LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-01"));
        assertThat(office.open()).isEqualTo(new Branch("ring_group", "front"));
        assertThat(after.list().getFirst().updatedAt()).isEqualTo(T1);
        assertThat(after.list().get(1).values()).isEqualTo(office("support"));
    }

    @BothEngines
    void aSecondRuleOfANameIsAConflictAndUnknownNamesAreNotFound(TestDatabase db) {
        JdbiTimeRuleStore store = new JdbiTimeRuleStore(db.database());
        store.create(office("office"), T0);

        assertThatThrownBy(() -> store.create(office("office"), T1))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> store.update("nope", office("nope"), T1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("nope")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewTimeRule("a b", List.of(), List.of(), DESK, MAILBOX))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> new NewTimeRule("office", List.of(), List.of(), null, MAILBOX))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "open");
        assertThatThrownBy(() -> new NewTimeRule("office", List.of(), List.of(), DESK, new Branch("voicemail", " ")))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "closed.target");
        assertThatThrownBy(() -> new OpenHours(WEEKDAYS, 600, 600))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "hours.until");
        LocalDate day = LocalDate.parse("2026-12-25");
        assertThatThrownBy(() -> new NewTimeRule("office", List.of(), List.of(new Holiday(day, "a"), new Holiday(day, "b")),
                DESK, MAILBOX)).isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "holidays.date");
    }
}
