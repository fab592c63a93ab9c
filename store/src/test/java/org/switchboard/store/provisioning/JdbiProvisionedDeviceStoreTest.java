package org.switchboard.store.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionUpdate;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiProvisionedDeviceStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    static Extension extension(Database db, String number) {
        return new JdbiExtensionStore(db).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.example.com", null, false, true, null), T0);
    }

    static NewProvisionedDevice device(String mac, String extension) {
        return new NewProvisionedDevice(mac, extension, "yealink", "T46S", null, null, null, null);
    }

    @BothEngines
    void savedDeviceLoadsWithEveryField(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());
        NewProvisionedDevice input = new NewProvisionedDevice("001565123456", "1001", "yealink", "T46S",
                "192.0.2.10", "https://pbx.example.com/provision/001565123456.cfg", "v1:sealed", null);

        ProvisionedDevice created = store.create(input, T0);

        assertThat(created.id()).isPositive();
        assertThat(created).extracting(ProvisionedDevice::macAddress, ProvisionedDevice::extensionNumber,
                        ProvisionedDevice::vendor, ProvisionedDevice::model, ProvisionedDevice::staticIp,
                        ProvisionedDevice::configUrl, ProvisionedDevice::sipSecret, ProvisionedDevice::lastProvisionedAt,
                        ProvisionedDevice::createdAt, ProvisionedDevice::updatedAt)
                .containsExactly("001565123456", "1001", "yealink", "T46S", "192.0.2.10",
                        "https://pbx.example.com/provision/001565123456.cfg", "v1:sealed", null, T0, T0);
        assertThat(store.findByMac("001565123456")).contains(created);
        assertThat(store.findByMac("001565000000")).isEmpty();
        assertThat(store.findByExtension("1001")).containsExactly(created);
    }

    @BothEngines
    void aDevicesOwnLoginIsStoredReplacedAndUniqueAcrossARestart(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());
        DeviceLogin login = new DeviceLogin("1001-123456", "0123456789abcdef0123456789abcdef",
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "pbx.example.com");
        ProvisionedDevice created = store.create(new NewProvisionedDevice("001565123456", "1001", "yealink", "T46S",
                null, null, "v1:sealed", login), T0);

        JdbiProvisionedDeviceStore after = new JdbiProvisionedDeviceStore(db.restart());
        assertThat(after.findByMac("001565123456")).get().extracting(ProvisionedDevice::login).isEqualTo(login);
        assertThat(after.findByAuthUser("1001-123456")).get().extracting(ProvisionedDevice::id).isEqualTo(created.id());
        assertThat(after.findByAuthUser("1001-000000")).isEmpty();
        assertThatThrownBy(() -> after.create(new NewProvisionedDevice("001565000002", "1001", "yealink", "T46S",
                null, null, "v1:sealed", login), T1))
                .as("a second device with the same user name").isInstanceOf(ConflictException.class);

        after.update(created.id(), new NewProvisionedDevice("001565123456", "1001", "yealink", "T46S", null, null,
                null, null), T1);
        assertThat(after.findByMac("001565123456")).get().extracting(ProvisionedDevice::login).isNull();
    }

    @BothEngines
    void updatePersistsAndMovesUpdatedAt(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());
        ProvisionedDevice created = store.create(device("001565123456", "1001"), T0);

        ProvisionedDevice updated = store.update(created.id(),
                new NewProvisionedDevice("001565123456", "1002", "yealink", "T48S", "192.0.2.11", null, null, null), T1);

        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T1);
        assertThat(store.findByMac("001565123456")).contains(updated);
        assertThat(updated.extensionNumber()).isEqualTo("1002");
        assertThat(updated.model()).isEqualTo("T48S");
        assertThat(store.findByExtension("1001")).isEmpty();
    }

    @BothEngines
    void fetchSinkRecordsTheLatestFetchAndNeverMovesItBack(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());
        store.create(device("001565123456", "1001"), T0);
        var sink = store.fetchSink();
        db.database().execute(h -> sink.write(h, List.of(new ProvisioningFetch("001565123456", T1),
                new ProvisioningFetch("001565999999", T1))));
        db.database().execute(h -> sink.write(h, List.of(new ProvisioningFetch("001565123456", T0))));
        assertThat(store.findByMac("001565123456").orElseThrow().lastProvisionedAt()).isEqualTo(T1);
        db.restart();
        assertThat(new JdbiProvisionedDeviceStore(db.database()).findByMac("001565123456").orElseThrow().lastProvisionedAt())
                .isEqualTo(T1);
    }

    @BothEngines
    void markProvisionedRecordsTheFetch(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());
        store.create(device("001565123456", "1001"), T0);

        assertThat(store.markProvisioned("001565123456", T2)).isTrue();
        assertThat(store.markProvisioned("001565999999", T2)).isFalse();

        assertThat(store.findByMac("001565123456").orElseThrow().lastProvisionedAt()).isEqualTo(T2);
    }

    @BothEngines
    void deletePersists(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());
        ProvisionedDevice created = store.create(device("001565123456", "1001"), T0);

        store.delete(created.id());

        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> store.delete(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.update(created.id(), device("001565123456", "1001"), T1))
                .isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void severalChangesSurviveRestart(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        JdbiProvisionedDeviceStore before = new JdbiProvisionedDeviceStore(db.database());
        ProvisionedDevice a = before.create(device("001565000001", "1001"), T0);
        ProvisionedDevice b = before.create(device("001565000002", "1002"), T0);
        before.create(device("001565000003", "1002"), T0);
        ProvisionedDevice b2 = before.update(b.id(), new NewProvisionedDevice("001565000002", "1001", "snom", "D785",
                "2001:db8::2", null, null, null), T1);
        before.markProvisioned("001565000003", T2);
        before.delete(a.id());

        JdbiProvisionedDeviceStore after = new JdbiProvisionedDeviceStore(db.restart());

        assertThat(after.list()).extracting(ProvisionedDevice::macAddress).containsExactly("001565000002", "001565000003");
        assertThat(after.findByMac("001565000002")).contains(b2);
        assertThat(after.findByMac("001565000003").orElseThrow().lastProvisionedAt()).isEqualTo(T2);
    }

    @BothEngines
    void duplicateMacIsConflictNamingMacAddress(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());
        store.create(device("001565123456", "1001"), T0);
        ProvisionedDevice other = store.create(device("001565000002", "1001"), T0);

        assertThatThrownBy(() -> store.create(device("001565123456", "1001"), T1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("mac_address"));
        assertThatThrownBy(() -> store.update(other.id(), device("001565123456", "1001"), T1))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("mac_address"));
        assertThat(store.list()).hasSize(2);
    }

    @BothEngines
    void bulkCreateIsAllOrNothing(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());
        store.create(device("001565000009", "1001"), T0);

        assertThatThrownBy(() -> store.createAll(List.of(device("001565000001", "1001"), device("001565000009", "1001")), T1))
                .isInstanceOf(ConflictException.class);
        assertThat(store.list()).extracting(ProvisionedDevice::macAddress).containsExactly("001565000009");

        assertThat(store.createAll(List.of(device("001565000001", "1001"), device("001565000002", "1001")), T1)).hasSize(2);
        assertThat(store.list()).hasSize(3);
    }

    @BothEngines
    void deviceFollowsItsExtension(TestDatabase db) {
        Extension ext = extension(db.database(), "1001");
        JdbiExtensionStore extensions = new JdbiExtensionStore(db.database());
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());
        store.create(device("001565123456", "1001"), T0);

        extensions.update(ext.id(), new ExtensionUpdate("2001", "Renumbered", null, Optional.empty(), Optional.empty(),
                false, true, null), T1);
        assertThat(store.findByMac("001565123456").orElseThrow().extensionNumber()).isEqualTo("2001");

        extensions.delete(ext.id());
        assertThat(store.list()).isEmpty();
    }

    @BothEngines
    void deviceForAMissingExtensionIsAConflict(TestDatabase db) {
        JdbiProvisionedDeviceStore store = new JdbiProvisionedDeviceStore(db.database());

        assertThatThrownBy(() -> store.create(device("001565123456", "1999"), T0)).isInstanceOf(ConflictException.class);
        assertThat(store.list()).isEmpty();
    }

    @Test
    void recordRefusesBadShapesNamingTheColumn() {
        assertThatThrownBy(() -> new NewProvisionedDevice("00:15:65:12:34:56", "1001", "yealink", "T46S", null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("mac_address"));
        assertThatThrownBy(() -> new NewProvisionedDevice("001565123456", " ", "yealink", "T46S", null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("extension_number"));
        assertThatThrownBy(() -> new NewProvisionedDevice("001565123456", "1001", "yealink", "T".repeat(65), null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("model"));
        assertThat(new NewProvisionedDevice("001565123456", "1001", "yealink", "T46S", " ", "", null, null).staticIp()).isNull();
    }
}
