package org.switchboard.store.phonebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiPhoneBookStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);

    static NewContact contact(String first, String last, String company, String office, String mobile) {
        return new NewContact(Optional.ofNullable(first), Optional.ofNullable(last), Optional.ofNullable(company),
                Optional.ofNullable(office), Optional.ofNullable(mobile), Optional.empty(), Optional.empty());
    }

    @BothEngines
    void contactsSurviveARestartWithTheirChanges(TestDatabase db) {
        JdbiPhoneBookStore store = new JdbiPhoneBookStore(db.database());
        Contact jane = store.create(contact("Jane", "Doe", "Acme", "+1 (555) 010-2000", null), T0);
        Contact plumber = store.create(contact(null, null, "Plumbing Ltd", null, "0170 1234567"), T0);
        Contact gone = store.create(contact("Old", "Friend", null, "123", null), T0);
        NewContact janeMoved = new NewContact(Optional.of("Jane"), Optional.of("Doe"), Optional.of("Initech"),
                Optional.of("+15550103000"), Optional.of("+15550104000"), Optional.of("555 0105"), Optional.of("jane@initech.test"));
        store.update(jane.id(), janeMoved, T1);
        store.delete(gone.id());

        JdbiPhoneBookStore after = new JdbiPhoneBookStore(db.restart());

        assertThat(after.list()).extracting(c -> c.values().displayName()).containsExactly("Jane Doe", "Plumbing Ltd");
        Contact stored = after.find(jane.id()).orElseThrow();
        assertThat(stored.values()).isEqualTo(janeMoved);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.updatedAt()).isEqualTo(T1);
        assertThat(after.find(plumber.id()).orElseThrow().values().mobile()).contains("0170 1234567");
        assertThat(after.find(gone.id())).isEmpty();
    }

    @BothEngines
    void anImportAddsAllOrNothingAndMayReplaceTheBook(TestDatabase db) {
        JdbiPhoneBookStore store = new JdbiPhoneBookStore(db.database());
        store.create(contact("Ann", "Early", null, "100", null), T0);

        assertThat(store.importAll(List.of(contact("Bob", "Added", null, "200", null)), false, T1)).isEqualTo(1);
        assertThat(store.list()).hasSize(2);

        assertThat(store.importAll(List.of(contact("Cy", "Only", null, "300", null), contact("Di", "Also", null, "400", null)),
                true, T1)).isEqualTo(2);
        assertThat(new JdbiPhoneBookStore(db.restart()).list()).extracting(c -> c.values().displayName())
                .containsExactly("Di Also", "Cy Only");
    }

    @BothEngines
    void unknownContactsAreNotFound(TestDatabase db) {
        JdbiPhoneBookStore store = new JdbiPhoneBookStore(db.database());
        assertThatThrownBy(() -> store.update(99, contact("A", null, null, "1", null), T0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete(99)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aContactNeedsANameAndANumberInTheirShapes() {
        assertThatThrownBy(() -> contact(null, " ", null, "100", null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "last_name");
        assertThatThrownBy(() -> contact("Ann", null, null, null, null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "office");
        assertThatThrownBy(() -> contact("Ann", null, null, null, "call me"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "mobile");
        assertThatThrownBy(() -> contact("Ann\nX", null, null, "1", null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "first_name");
        assertThat(contact(" Ann ", "", null, " 100 ", null)).isEqualTo(contact("Ann", null, null, "100", null));
    }
}
