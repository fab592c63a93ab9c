package org.switchboard.pbx.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseSettings;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.JdbiExtensionStore;

class ExtensionServiceTest {
    private static final String REALM = "pbx.example.org";

    @TempDir
    Path dir;

    private Database db;
    private ExtensionService service;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.sqlite(dir.resolve("sb.db")));
        service = newService(REALM);
        service.reloadCache();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ExtensionService newService(String realm) {
        // Cheap Argon2 cost: the production cost is covered by Argon2PasswordHasherTest.
        return new ExtensionService(new JdbiExtensionStore(db), realm, new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
    }

    private static ExtensionInput input(String number, String password, String pin) {
        return new ExtensionInput(number, "Alice", password, "alice@example.org", pin, false, true);
    }

    @Test
    void createStoresDigestHa1sForTheRealmAndAHashedPin() {
        Extension saved = service.create(input("1001", "s3cret-pass", "4321"), "test");
        assertThat(saved.ha1Md5()).isEqualTo(DigestAlgorithm.MD5.ha1("1001", REALM, "s3cret-pass"));
        assertThat(saved.ha1Sha256()).isEqualTo(DigestAlgorithm.SHA_256.ha1("1001", REALM, "s3cret-pass"));
        assertThat(saved.realm()).isEqualTo(REALM);
        assertThat(saved.voicemailPinHash()).startsWith("$argon2id$").doesNotContain("4321");
        assertThat(service.checkVoicemailPin("1001", "4321")).isTrue();
        assertThat(service.checkVoicemailPin("1001", "4322")).isFalse();
    }

    @Test
    void credentialsComeFromTheCacheAfterEachCommittedChange() {
        assertThat(service.findCredentials("1001")).isEmpty();
        service.create(input("1001", "s3cret-pass", null), "test");
        assertThat(service.findCredentials("1001")).get()
                .satisfies(c -> assertThat(c.ha1Md5()).isEqualTo(DigestAlgorithm.MD5.ha1("1001", REALM, "s3cret-pass")))
                .satisfies(c -> assertThat(c.enabled()).isTrue());
        service.update("1001", new ExtensionInput("1001", "Alice", null, null, null, false, false), "test");
        assertThat(service.findCredentials("1001")).get().satisfies(c -> assertThat(c.enabled()).isFalse());
        service.delete("1001", "test");
        assertThat(service.findCredentials("1001")).isEmpty();
    }

    @Test
    void aSecondServiceSeesCommittedRowsWhenItLoads() {
        service.create(input("1001", "s3cret-pass", null), "test");
        ExtensionService restarted = newService(REALM);
        restarted.reloadCache();
        assertThat(restarted.findCredentials("1001")).isPresent();
        assertThat(restarted.get("1001").name()).isEqualTo("Alice");
    }

    @Test
    void credentialsMadeForAnotherRealmAreNotOffered() {
        service.create(input("1001", "s3cret-pass", null), "test");
        ExtensionService otherDomain = newService("other.example.org");
        otherDomain.reloadCache();
        assertThat(otherDomain.findCredentials("1001")).isEmpty();
    }

    @Test
    void updateWithoutSecretsKeepsTheStoredOnes() {
        Extension created = service.create(input("1001", "s3cret-pass", "4321"), "test");
        Extension updated = service.update("1001", new ExtensionInput("1001", "Alice B", null, null, null, true, true), "test");
        assertThat(updated.name()).isEqualTo("Alice B");
        assertThat(updated.email()).as("omitted email is cleared").isNull();
        assertThat(updated.allowExternal()).isTrue();
        assertThat(updated.ha1Md5()).isEqualTo(created.ha1Md5());
        assertThat(updated.voicemailPinHash()).isEqualTo(created.voicemailPinHash());
    }

    @Test
    void updateWithNewPasswordRecomputesTheHa1s() {
        Extension created = service.create(input("1001", "s3cret-pass", null), "test");
        Extension updated = service.update("1001", input("1001", "another-pass", null), "test");
        assertThat(updated.ha1Md5()).isNotEqualTo(created.ha1Md5())
                .isEqualTo(DigestAlgorithm.MD5.ha1("1001", REALM, "another-pass"));
    }

    @Test
    void renumberingRequiresANewPasswordBecauseTheHa1sHashTheNumber() {
        service.create(input("1001", "alice-password", null), "test");

        assertThatThrownBy(() -> service.update("1001", new ExtensionInput("1002", "Alice", null, null, null, false, true), "test"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("password"));
        Extension moved = service.update("1001", new ExtensionInput("1002", "Alice", "new-password", null, null, false, true), "test");

        assertThat(moved.ha1Md5()).isEqualTo(DigestAlgorithm.MD5.ha1("1002", REALM, "new-password"));
    }

    @Test
    void createRequiresAPassword() {
        assertThatThrownBy(() -> service.create(input("1001", null, null), "test"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("password"));
    }

    @Test
    void duplicateNumberIsAConflictOnNumber() {
        service.create(input("1001", "s3cret-pass", null), "test");
        assertThatThrownBy(() -> service.create(input("1001", "s3cret-pass", null), "test"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("number"));
    }

    @Test
    void unknownNumberIsNotFoundForGetUpdateAndDelete() {
        assertThatThrownBy(() -> service.get("1999")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.update("1999", input("1999", null, null), "test")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete("1999", "test")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listIsOrderedByNumberAndCountMatches() {
        service.create(input("2002", "s3cret-pass", null), "test");
        service.create(input("1001", "s3cret-pass", null), "test");
        assertThat(service.list()).extracting(Extension::number).containsExactly("1001", "2002");
        assertThat(service.count()).isEqualTo(2);
    }

    @Test
    void concurrentCreatesAllEndUpInTheCache() throws Exception {
        List<Callable<Extension>> creates = IntStream.range(0, 8)
                .mapToObj(i -> (Callable<Extension>) () -> service.create(input("20" + i, "s3cret-pass", null), "test"))
                .toList();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Extension> f : threads.invokeAll(creates)) {
                f.get();
            }
        }
        for (int i = 0; i < 8; i++) {
            assertThat(service.findCredentials("20" + i)).as("cached credentials for 20%d", i).isPresent();
        }
    }

    @Test
    void secretsNeverReachTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            Extension e = service.create(input("1001", "Pa55word-xyz", "987654"), "test");
            service.update("1001", input("1001", "Pa55word-abc", "123456"), "test");
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).contains("extension created number=1001"))
                    .allSatisfy(m -> assertThat(m).doesNotContain("Pa55word", "987654", "123456", e.ha1Md5(), e.ha1Sha256()));
        } finally {
            root.detachAppender(appender);
        }
    }
}
