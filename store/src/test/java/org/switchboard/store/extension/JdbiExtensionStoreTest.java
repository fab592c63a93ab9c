package org.switchboard.store.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiExtensionStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final String SHA = MD5 + MD5;

    static NewExtension ext(String number, String name) {
        return new NewExtension(number, name, number + "@example.com", MD5, SHA, "pbx.example.com", null, false, true, null);
    }

    static ExtensionUpdate change(String number, String name) {
        return new ExtensionUpdate(number, name, number + "@example.com", Optional.empty(), Optional.empty(), false, true, null);
    }

    @BothEngines
    void updateKeepsSecretsNotGivenAndReplacesThoseGiven(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        Extension created = store.create(new NewExtension("1001", "Alice", null, MD5, SHA, "pbx.example.com", "$argon2id$pin1",
                false, true, null), T0);
        String md5b = "fedcba9876543210fedcba9876543210";
        // Another node sets a new password and PIN...
        store.update(created.id(), new ExtensionUpdate("1001", "Alice", null,
                Optional.of(new ExtensionUpdate.Digest(md5b, md5b + md5b, "new.example.com")), Optional.of("$argon2id$pin2"),
                false, true, null), T1);

        // ...then this node renames the extension without touching secrets: the newer ones stay.
        Extension renamed = store.update(created.id(), change("1001", "Alice B."), T1);

        assertThat(renamed).extracting(Extension::name, Extension::ha1Md5, Extension::ha1Sha256, Extension::realm,
                        Extension::voicemailPinHash)
                .containsExactly("Alice B.", md5b, md5b + md5b, "new.example.com", "$argon2id$pin2");
        assertThat(store.findByNumber("1001")).contains(renamed);
    }

    @BothEngines
    void settingTheVoicemailPinHashChangesNothingElseAndSurvivesARestart(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        Extension created = store.create(ext("1001", "Alice"), T0);

        Extension changed = store.setVoicemailPinHash(created.id(), "$argon2id$pin9", T1);
        db.restart();

        JdbiExtensionStore reopened = new JdbiExtensionStore(db.database());
        assertThat(reopened.findByNumber("1001")).contains(changed);
        assertThat(changed).extracting(Extension::name, Extension::email, Extension::ha1Md5, Extension::voicemailPinHash,
                        Extension::createdAt, Extension::updatedAt)
                .containsExactly("Alice", "1001@example.com", MD5, "$argon2id$pin9", T0, T1);
        assertThatThrownBy(() -> reopened.setVoicemailPinHash(created.id() + 99, "$argon2id$x", T1))
                .isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void digestAlgorithmIsAutoByDefaultAndAChoiceSurvivesARestart(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        Extension created = store.create(ext("1001", "Alice"), T0);
        assertThat(created.digestAlgorithm()).isEqualTo("auto");

        store.update(created.id(), new ExtensionUpdate("1001", "Alice", null, Optional.empty(), Optional.empty(), false,
                true, "md5"), T1);
        db.restart();

        assertThat(new JdbiExtensionStore(db.database()).findByNumber("1001")).get()
                .extracting(Extension::digestAlgorithm).isEqualTo("md5");
    }

    @BothEngines
    void unknownDigestAlgorithmIsRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewExtension("1001", "A", null, MD5, SHA, "r", null, false, true, "sha-1"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "digest_algorithm");
    }

    @BothEngines
    void savedExtensionLoadsWithEveryField(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        NewExtension input = new NewExtension("1001", "Alice", null, MD5, SHA, "pbx.example.com", "$argon2id$x", true, false, null);

        Extension created = store.create(input, T0);

        assertThat(store.findByNumber("1001")).contains(created);
        assertThat(created.id()).isPositive();
        assertThat(created).extracting(Extension::number, Extension::name, Extension::email, Extension::ha1Md5,
                        Extension::ha1Sha256, Extension::realm, Extension::voicemailPinHash, Extension::allowExternal,
                        Extension::enabled, Extension::createdAt, Extension::updatedAt)
                .containsExactly("1001", "Alice", null, MD5, SHA, "pbx.example.com", "$argon2id$x", true, false, T0, T0);
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.findByNumber("1002")).isEmpty();
    }

    @BothEngines
    void updatePersistsAndMovesUpdatedAt(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        Extension created = store.create(ext("1001", "Alice"), T0);

        Extension updated = store.update(created.id(), change("1009", "Alice B."), T1);

        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T1);
        assertThat(store.findByNumber("1001")).isEmpty();
        assertThat(store.findByNumber("1009")).contains(updated);
        assertThat(updated.name()).isEqualTo("Alice B.");
    }

    @BothEngines
    void deletePersists(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        Extension created = store.create(ext("1001", "Alice"), T0);

        store.delete(created.id());

        assertThat(store.findByNumber("1001")).isEmpty();
        assertThat(store.count()).isZero();
        assertThatThrownBy(() -> store.delete(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.update(created.id(), change("1001", "A"), T1)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void severalChangesSurviveRestart(TestDatabase db) {
        JdbiExtensionStore before = new JdbiExtensionStore(db.database());
        Extension a = before.create(ext("1001", "Alice"), T0);
        Extension b = before.create(ext("1002", "Bob"), T0);
        before.create(ext("1003", "Carol"), T0);
        Extension b2 = before.update(b.id(), change("1002", "Robert"), T1);
        before.delete(a.id());

        JdbiExtensionStore after = new JdbiExtensionStore(db.restart());

        assertThat(after.list()).extracting(Extension::number).containsExactly("1002", "1003");
        assertThat(after.findByNumber("1002")).contains(b2);
    }

    @BothEngines
    void duplicateNumberIsConflictNamingNumber(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        store.create(ext("1001", "Alice"), T0);
        Extension bob = store.create(ext("1002", "Bob"), T0);

        assertThatThrownBy(() -> store.create(ext("1001", "Other"), T1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("number"));
        assertThatThrownBy(() -> store.update(bob.id(), change("1001", "Bob"), T1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("number"));
        assertThat(store.count()).isEqualTo(2);
    }

    @BothEngines
    void listIsOrderedByNumber(TestDatabase db) {
        JdbiExtensionStore store = new JdbiExtensionStore(db.database());
        store.create(ext("1003", "C"), T0);
        store.create(ext("1001", "A"), T0);
        store.create(ext("1002", "B"), T0);

        assertThat(store.list()).extracting(Extension::number).containsExactly("1001", "1002", "1003");
    }

    @Test
    void newExtensionRejectsPlainPasswordInPlaceOfHa1() {
        assertThatThrownBy(() -> new NewExtension("1001", "A", null, "secret123", SHA, "r", null, false, true, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ha1_md5"));
        assertThatThrownBy(() -> new NewExtension(" ", "A", null, MD5, SHA, "r", null, false, true, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("number"));
    }
}
