package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.seed.SeedOutcome;
import org.switchboard.store.seed.SeedRunner;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class ExtensionSeedTest {
    private static final String REALM = "pbx.example.org";
    private static final List<ExtensionInput> SECTION = List.of(
            new ExtensionInput("1001", "Alice", "alice-password", null, "1234", false, true),
            new ExtensionInput("1002", "Bob", "bob-password", "bob@example.org", null, true, true));

    private static ExtensionService service(TestDatabase db) {
        return new ExtensionService(new JdbiExtensionStore(db.database()), REALM, new Argon2PasswordHasher(256, 1, 1),
                Clock.systemUTC(), new EventBus());
    }

    private static SeedOutcome seed(TestDatabase db, ExtensionService service, List<ExtensionInput> entries) {
        return new SeedRunner(db.database(), Clock.systemUTC()).run(new ExtensionSeed(service, entries));
    }

    @BothEngines
    void seedsAnEmptyDatabaseOnceWithHashedSecrets(TestDatabase db) {
        ExtensionService service = service(db);
        assertThat(seed(db, service, SECTION)).isEqualTo(SeedOutcome.SEEDED);
        service.reloadCache();
        assertThat(service.list()).extracting(Extension::number).containsExactly("1001", "1002");
        assertThat(service.findCredentials("1001")).get()
                .satisfies(c -> assertThat(c.ha1Md5()).isEqualTo(DigestAlgorithm.MD5.ha1("1001", REALM, "alice-password")));
        assertThat(service.checkVoicemailPin("1001", "1234")).isTrue();
    }

    @BothEngines
    void secondStartIgnoresTheSectionEvenIfItChanged(TestDatabase db) {
        seed(db, service(db), SECTION);
        db.restart();
        ExtensionService restarted = service(db);
        List<ExtensionInput> changed = List.of(new ExtensionInput("3003", "Carol", "carol-password", null, null, false, true));
        assertThat(seed(db, restarted, changed)).isEqualTo(SeedOutcome.ALREADY_APPLIED);
        assertThat(restarted.list()).extracting(Extension::number).containsExactly("1001", "1002");
    }

    @BothEngines
    void tableFilledThroughTheApiIsNotSeeded(TestDatabase db) {
        ExtensionService service = service(db);
        service.create(new ExtensionInput("2001", "Dave", "dave-password", null, null, false, true), "test");
        assertThat(seed(db, service, SECTION)).isEqualTo(SeedOutcome.SKIPPED_NOT_EMPTY);
        assertThat(service.list()).extracting(Extension::number).containsExactly("2001");
    }

    @BothEngines
    void invalidEntryRollsBackTheWholeSectionSoTheNextStartRetries(TestDatabase db) {
        ExtensionService service = service(db);
        List<ExtensionInput> withoutPassword = List.of(
                SECTION.getFirst(), new ExtensionInput("1003", "Eve", null, null, null, false, true));
        assertThatThrownBy(() -> seed(db, service, withoutPassword))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(service.count()).isZero();
        assertThat(seed(db, service, SECTION)).as("the claim was rolled back too").isEqualTo(SeedOutcome.SEEDED);
    }
}
