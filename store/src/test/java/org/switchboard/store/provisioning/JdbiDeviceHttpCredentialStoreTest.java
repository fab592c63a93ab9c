package org.switchboard.store.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.store.provisioning.JdbiProvisionedDeviceStoreTest.device;
import static org.switchboard.store.provisioning.JdbiProvisionedDeviceStoreTest.extension;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiDeviceHttpCredentialStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5_A = "0123456789abcdef0123456789abcdef";
    private static final String MD5_B = "fedcba9876543210fedcba9876543210";

    private static NewDeviceHttpCredential credential(String mac, String md5) {
        return new NewDeviceHttpCredential(mac, mac, "switchboard-provisioning", md5);
    }

    @BothEngines
    void storedCredentialsLoadAndAReplacementSurvivesARestart(TestDatabase db) {
        extension(db.database(), "1001");
        new JdbiProvisionedDeviceStore(db.database()).create(device("001565123456", "1001"), T0);
        JdbiDeviceHttpCredentialStore store = new JdbiDeviceHttpCredentialStore(db.database());

        DeviceHttpCredential first = store.put(credential("001565123456", MD5_A), T0);
        assertThat(first).extracting(DeviceHttpCredential::username, DeviceHttpCredential::ha1Md5,
                DeviceHttpCredential::createdAt, DeviceHttpCredential::updatedAt)
                .containsExactly("001565123456", MD5_A, T0, T0);
        store.put(credential("001565123456", MD5_B), T1);

        JdbiDeviceHttpCredentialStore after = new JdbiDeviceHttpCredentialStore(db.restart());
        DeviceHttpCredential loaded = after.findByMac("001565123456").orElseThrow();
        assertThat(loaded.ha1Md5()).as("the replacement").isEqualTo(MD5_B);
        assertThat(loaded.createdAt()).isEqualTo(T0);
        assertThat(loaded.updatedAt()).isEqualTo(T1);
        assertThat(after.list()).containsExactly(loaded);
    }

    @BothEngines
    void deletingTheCredentialsOrTheDeviceRemovesThem(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiProvisionedDeviceStore devices = new JdbiProvisionedDeviceStore(db.database());
        devices.create(device("001565000001", "1001"), T0);
        ProvisionedDevice second = devices.create(device("001565000002", "1001"), T0);
        JdbiDeviceHttpCredentialStore store = new JdbiDeviceHttpCredentialStore(db.database());
        store.put(credential("001565000001", MD5_A), T0);
        store.put(credential("001565000002", MD5_A), T0);

        assertThat(store.delete("001565000001")).isTrue();
        assertThat(store.delete("001565000001")).as("already gone").isFalse();
        devices.delete(second.id());

        assertThat(new JdbiDeviceHttpCredentialStore(db.restart()).list()).as("cascaded with the device").isEmpty();
    }

    @BothEngines
    void credentialsForAnUnknownDeviceAreAConflict(TestDatabase db) {
        JdbiDeviceHttpCredentialStore store = new JdbiDeviceHttpCredentialStore(db.database());
        assertThatThrownBy(() -> store.put(credential("001565999999", MD5_A), T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aMalformedHa1IsRefusedNamingTheField() {
        assertThatThrownBy(() -> credential("001565123456", "not-hex"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ha1_md5"));
    }
}
