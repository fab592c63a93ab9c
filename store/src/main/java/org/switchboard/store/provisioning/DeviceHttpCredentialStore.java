package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.UnavailableException;

/**
 * Provisioned phones' HTTP digest credentials, written through: each method is one transaction,
 * committed when it returns. Rows go with their device ({@code ON DELETE CASCADE}). Thread-safe;
 * never call it from an event loop. Every method may throw {@link UnavailableException} when the
 * database cannot be reached.
 */
public interface DeviceHttpCredentialStore {

    /**
     * Stores the device's credentials, replacing any it had; {@link ConflictException} naming the
     * reference when no device has this MAC.
     */
    DeviceHttpCredential put(NewDeviceHttpCredential credential, Instant now);

    /** Removes the device's credentials; false when it had none. */
    boolean delete(String macAddress);

    Optional<DeviceHttpCredential> findByMac(String macAddress);

    /** Every device's credentials, ordered by MAC. */
    List<DeviceHttpCredential> list();
}
