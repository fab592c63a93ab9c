package org.switchboard.store.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.store.provisioning.JdbiProvisionedDeviceStoreTest.extension;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiRegisteredPhoneStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final String YEALINK = "Yealink SIP-T46S 66.86.0.15";

    static PhoneSighting seen(String mac, String ext, String ip, Instant at) {
        return new PhoneSighting(mac, ext, YEALINK, ip, "sip:" + ext + "@" + ip + ":5060", at, ext);
    }

    @BothEngines
    void theUserNameAPhoneLastAuthenticatedWithIsKept(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());
        store.record(seen("001565123456", "1001", "192.0.2.10", T0));
        store.record(new PhoneSighting("001565123456", "1001", YEALINK, "192.0.2.10", "sip:1001@192.0.2.10:5060", T1,
                "1001-123456"));

        assertThat(new JdbiRegisteredPhoneStore(db.restart()).findByExtension("1001")).singleElement()
                .extracting(RegisteredPhone::authUser).isEqualTo("1001-123456");
    }

    @BothEngines
    void firstSightingIsStoredWithEveryField(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());

        RegisteredPhone phone = store.record(seen("001565123456", "1001", "192.0.2.10", T0)).orElseThrow();

        assertThat(phone).extracting(RegisteredPhone::macAddress, RegisteredPhone::extensionNumber,
                        RegisteredPhone::userAgent, RegisteredPhone::ipAddress, RegisteredPhone::contactUri,
                        RegisteredPhone::firstRegisteredAt, RegisteredPhone::lastRegisteredAt, RegisteredPhone::updatedAt)
                .containsExactly("001565123456", "1001", YEALINK, "192.0.2.10", "sip:1001@192.0.2.10:5060", T0, T0, T0);
        assertThat(store.findByMac("001565123456")).containsExactly(phone);
        assertThat(store.findByExtension("1001")).containsExactly(phone);
    }

    @BothEngines
    void refreshUpdatesTheSameRowAndKeepsFirstSighting(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());
        RegisteredPhone first = store.record(seen("001565123456", "1001", "192.0.2.10", T0)).orElseThrow();

        RegisteredPhone moved = store.record(new PhoneSighting("001565123456", "1001", "Yealink SIP-T46S 66.86.0.20",
                "192.0.2.99", "sip:1001@192.0.2.99:5060", T1, "1001")).orElseThrow();

        assertThat(moved.id()).isEqualTo(first.id());
        assertThat(moved.firstRegisteredAt()).isEqualTo(T0);
        assertThat(moved.lastRegisteredAt()).isEqualTo(T1);
        assertThat(moved.ipAddress()).isEqualTo("192.0.2.99");
        assertThat(moved.userAgent()).isEqualTo("Yealink SIP-T46S 66.86.0.20");
        assertThat(store.list()).containsExactly(moved);
    }

    @BothEngines
    void phonesWithoutMacAreKeyedByAddress(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());

        store.record(seen(null, "1001", "192.0.2.10", T0));
        store.record(seen(null, "1001", "192.0.2.10", T1));
        store.record(seen(null, "1001", "192.0.2.11", T1));

        assertThat(store.findByExtension("1001")).extracting(RegisteredPhone::ipAddress, RegisteredPhone::lastRegisteredAt)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("192.0.2.10", T1),
                        org.assertj.core.groups.Tuple.tuple("192.0.2.11", T1));
    }

    @BothEngines
    void anotherPhoneTakingTheAddressReplacesTheOldRow(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());
        store.record(seen("001565000001", "1001", "192.0.2.10", T0));

        store.record(seen("001565000002", "1001", "192.0.2.10", T1));

        assertThat(store.findByExtension("1001")).extracting(RegisteredPhone::macAddress).containsExactly("001565000002");
    }

    @BothEngines
    void aPhoneThatStartsTellingItsMacAdoptsItsAddressRow(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());
        RegisteredPhone anonymous = store.record(seen(null, "1001", "192.0.2.10", T0)).orElseThrow();

        RegisteredPhone told = store.record(seen("001565000001", "1001", "192.0.2.10", T1)).orElseThrow();

        assertThat(told.id()).isEqualTo(anonymous.id());
        assertThat(told.firstRegisteredAt()).isEqualTo(T0);
        assertThat(store.list()).containsExactly(told);
    }

    @BothEngines
    void onePhoneMayRegisterSeveralExtensions(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());

        int stored = store.recordAll(List.of(seen("001565000001", "1001", "192.0.2.10", T0),
                seen("001565000001", "1002", "192.0.2.10", T0), seen("001565000001", "1001", "192.0.2.10", T1)));

        assertThat(stored).isEqualTo(3);
        assertThat(store.findByMac("001565000001")).extracting(RegisteredPhone::extensionNumber).containsExactly("1001", "1002");
    }

    @BothEngines
    void sightingForADeletedExtensionIsDroppedNotAFailure(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());

        int stored = store.recordAll(List.of(seen("001565000001", "1999", "192.0.2.10", T0),
                seen("001565000002", "1001", "192.0.2.11", T0)));

        assertThat(stored).isEqualTo(1);
        assertThat(store.record(seen("001565000001", "1999", "192.0.2.10", T0))).isEmpty();
        assertThat(store.list()).extracting(RegisteredPhone::macAddress).containsExactly("001565000002");
    }

    @BothEngines
    void rowsFollowTheirExtensionAndAreDeletedWithIt(TestDatabase db) {
        Extension ext = extension(db.database(), "1001");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());
        store.record(seen("001565000001", "1001", "192.0.2.10", T0));

        new JdbiExtensionStore(db.database()).delete(ext.id());

        assertThat(store.list()).isEmpty();
    }

    @BothEngines
    void severalChangesSurviveRestartAndRetentionDeletes(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        JdbiRegisteredPhoneStore before = new JdbiRegisteredPhoneStore(db.database());
        before.record(seen("001565000001", "1001", "192.0.2.10", T0));
        before.record(seen("001565000002", "1002", "192.0.2.11", T0));
        before.record(seen("001565000002", "1002", "192.0.2.12", T2));
        before.record(seen(null, "1001", "192.0.2.13", T1));

        JdbiRegisteredPhoneStore after = new JdbiRegisteredPhoneStore(db.restart());

        assertThat(after.list()).extracting(RegisteredPhone::extensionNumber, RegisteredPhone::ipAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1001", "192.0.2.13"),
                        org.assertj.core.groups.Tuple.tuple("1001", "192.0.2.10"),
                        org.assertj.core.groups.Tuple.tuple("1002", "192.0.2.12"));
        assertThat(after.deleteSeenBefore(T1)).isEqualTo(1);
        assertThat(new JdbiRegisteredPhoneStore(db.restart()).list()).hasSize(2);
    }

    @BothEngines
    void databaseRefusesDuplicateKeysNamingTheColumn(TestDatabase db) {
        extension(db.database(), "1001");
        String insert = "INSERT INTO registered_phones (mac_address, extension_number, user_agent, ip_address, "
                + "contact_uri, first_registered_at, last_registered_at, updated_at) VALUES (?, '1001', '', ?, 'sip:x', 0, 0, 0)";
        db.database().execute(h -> h.execute(insert, "001565000001", "192.0.2.10"));

        assertThatThrownBy(() -> db.database().execute(h -> h.execute(insert, "001565000001", "192.0.2.11")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("mac_address"));
        assertThatThrownBy(() -> db.database().execute(h -> h.execute(insert, "001565000002", "192.0.2.10")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("ip_address"));
    }

    @BothEngines
    void writeBehindCoalescesRefreshesIntoOneRowAndFlushesOnClose(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());
        BatchWriter<PhoneSighting> writer = new BatchWriter<>("registered_phones", db.database(),
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), PhoneSighting::rowKey, store.batchSink());

        writer.submit(seen("001565000001", "1001", "192.0.2.10", T0));
        writer.submit(seen("001565000001", "1001", "192.0.2.10", T1));
        writer.submit(seen(null, "1001", "192.0.2.20", T1));
        writer.close();

        assertThat(store.findByExtension("1001")).extracting(RegisteredPhone::macAddress, RegisteredPhone::lastRegisteredAt)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("001565000001", T1),
                        org.assertj.core.groups.Tuple.tuple(null, T1));
    }

    @Test
    void rowKeyIsMacWhenKnownElseAddress() {
        assertThat(seen("001565000001", "1001", "192.0.2.10", T0).rowKey())
                .isEqualTo(seen("001565000001", "1001", "192.0.2.99", T1).rowKey());
        assertThat(seen(null, "1001", "192.0.2.10", T0).rowKey())
                .isNotEqualTo(seen(null, "1001", "192.0.2.11", T0).rowKey())
                .isNotEqualTo(seen(null, "1002", "192.0.2.10", T0).rowKey());
    }

    @Test
    void sightingChecksItsShape() {
        assertThatThrownBy(() -> new PhoneSighting("00:15:65:00:00:01", "1001", "", "192.0.2.1", "sip:a", T0, "1001"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("mac_address"));
        assertThatThrownBy(() -> new PhoneSighting(null, "1001", "", " ", "sip:a", T0, "1001"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ip_address"));
        assertThat(new PhoneSighting(null, "1001", null, "192.0.2.1", "sip:a", T0, "1001").userAgent()).isEmpty();
        assertThat(new PhoneSighting(null, "1001", "x".repeat(600), "192.0.2.1", "sip:a", T0, "1001").userAgent()).hasSize(512);
    }
}
