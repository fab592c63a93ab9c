package org.switchboard.store.moh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiMohStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final NewMohClass JAZZ = new NewMohClass("jazz", "Smooth", PlayOrder.RANDOM);

    private static void extension(Database database, String number) {
        new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    private static NewCallSettings choosing(String mohClass) {
        return new NewCallSettings(Forwarding.OFF, Forwarding.OFF, Forwarding.OFF, 20, false, mohClass);
    }

    @BothEngines
    void classesFilesAndTheExtensionsChoiceSurviveARestart(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiMohStore store = new JdbiMohStore(db.database());
        store.create(new NewMohClass("default", null, null), T0);
        store.create(JAZZ, T0);
        store.saveFile("jazz", "intro.wav", Duration.ofMillis(1500), T0);
        store.saveFile("jazz", "main.wav", Duration.ofSeconds(30), T0);
        store.update(new NewMohClass("jazz", "Cool", PlayOrder.SEQUENTIAL), T1);
        store.saveFile("jazz", "intro.wav", Duration.ofMillis(2500), T1); // replaced in place
        new JdbiCallSettingsStore(db.database()).save("1001", choosing("jazz"), T1);

        Database restarted = db.restart();
        JdbiMohStore after = new JdbiMohStore(restarted);

        assertThat(after.list()).extracting(MohClass::name).containsExactly("default", "jazz");
        MohClass jazz = after.find("jazz").orElseThrow();
        assertThat(jazz.description()).isEqualTo("Cool");
        assertThat(jazz.order()).isEqualTo(PlayOrder.SEQUENTIAL);
        assertThat(jazz.createdAt()).isEqualTo(T0);
        assertThat(jazz.updatedAt()).isEqualTo(T1);
        assertThat(after.files("jazz")).extracting(MohFile::fileName, MohFile::position, MohFile::duration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("intro.wav", 1, Duration.ofMillis(2500)),
                        org.assertj.core.groups.Tuple.tuple("main.wav", 2, Duration.ofSeconds(30)));
        assertThat(after.files("jazz").getFirst().createdAt()).as("a replaced file keeps created_at").isEqualTo(T0);
        assertThat(new JdbiCallSettingsStore(restarted).find("1001").orElseThrow().values().mohClass()).isEqualTo("jazz");
        assertThat(after.extensionsUsing("jazz")).containsExactly("1001");
        assertThat(after.count()).isEqualTo(2);
    }

    @BothEngines
    void aClassAnExtensionChoosesCannotBeDeletedAndTheMessageNamesTheExtensions(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        JdbiMohStore store = new JdbiMohStore(db.database());
        store.create(JAZZ, T0);
        JdbiCallSettingsStore settings = new JdbiCallSettingsStore(db.database());
        settings.save("1002", choosing("jazz"), T0);
        settings.save("1001", choosing("jazz"), T0);

        assertThatThrownBy(() -> store.delete("jazz")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("extensions 1001, 1002").hasFieldOrPropertyWithValue("field", "name");

        settings.save("1001", choosing(null), T1);
        settings.save("1002", choosing(null), T1);
        store.delete("jazz");
        assertThat(store.find("jazz")).isEmpty();
        assertThatThrownBy(() -> store.delete("jazz")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void deletingAClassTakesItsFileRowsWithIt(TestDatabase db) {
        JdbiMohStore store = new JdbiMohStore(db.database());
        store.create(JAZZ, T0);
        store.saveFile("jazz", "a.wav", Duration.ofSeconds(1), T0);

        store.delete("jazz");
        store.create(JAZZ, T1);

        assertThat(store.files("jazz")).isEmpty();
    }

    @BothEngines
    void aDuplicateNameIsAConflictOnName(TestDatabase db) {
        JdbiMohStore store = new JdbiMohStore(db.database());
        store.create(JAZZ, T0);

        assertThatThrownBy(() -> store.create(JAZZ, T1)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("field", "name");
    }

    @BothEngines
    void filesOfAMissingClassAndMissingFilesAreNotFound(TestDatabase db) {
        JdbiMohStore store = new JdbiMohStore(db.database());
        store.create(JAZZ, T0);

        assertThatThrownBy(() -> store.saveFile("rock", "a.wav", Duration.ZERO, T0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.files("rock")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.deleteFile("jazz", "a.wav")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.update(new NewMohClass("rock", null, null), T0)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void choosingAClassThatDoesNotExistIsRefusedNamingMohClass(TestDatabase db) {
        extension(db.database(), "1001");

        assertThatThrownBy(() -> new JdbiCallSettingsStore(db.database()).save("1001", choosing("nosuch"), T0))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "moh_class")
                .hasMessageContaining("nosuch");
    }

    @BothEngines
    void namesThatCouldLeaveTheirFolderAreRefused(TestDatabase db) {
        assertThatThrownBy(() -> new NewMohClass("../etc", null, null)).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> MohFile.checkName("../x.wav")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "file");
        assertThatThrownBy(() -> MohFile.checkName("song.mp3")).isInstanceOf(ValidationException.class);
        assertThat(MohFile.checkName("Song_1.take-2.wav")).isEqualTo("Song_1.take-2.wav");
    }
}
