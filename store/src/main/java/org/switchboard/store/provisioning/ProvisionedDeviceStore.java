package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.BatchSink;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.UnavailableException;

/**
 * Devices to auto-provision, written through: each method is one transaction, committed when it
 * returns. Thread-safe; call from request, worker or virtual threads, never an event loop.
 * Every method may throw {@link UnavailableException} when the database cannot be reached.
 */
public interface ProvisionedDeviceStore {

    /**
     * Inserts the device with {@code created_at = updated_at = now}; {@link ConflictException} on
     * "mac_address" if the MAC is taken, or naming the reference when the extension does not exist.
     */
    ProvisionedDevice create(NewProvisionedDevice device, Instant now);

    /** Inserts every device in one transaction: all are stored, or none (the first conflict is thrown). */
    List<ProvisionedDevice> createAll(List<NewProvisionedDevice> devices, Instant now);

    /** Replaces every field of device {@code id}; {@link NotFoundException} if absent, conflicts as for create. */
    ProvisionedDevice update(long id, NewProvisionedDevice device, Instant now);

    /** Records that the phone fetched its file at {@code at}; false when no device has this MAC. */
    boolean markProvisioned(String macAddress, Instant at);

    /**
     * The same recording for a write-behind {@link org.switchboard.store.db.BatchWriter}, inside the
     * writer's transaction; idempotent (a replayed or older fetch never moves the time back).
     */
    BatchSink<ProvisioningFetch> fetchSink();

    Optional<ProvisionedDevice> findByMac(String macAddress);

    /** The device whose own SIP user name this is (V062; unique). */
    Optional<ProvisionedDevice> findByAuthUser(String authUser);

    /** The devices bound to an extension, ordered by MAC. */
    List<ProvisionedDevice> findByExtension(String extensionNumber);

    /** Every device, ordered by MAC. */
    List<ProvisionedDevice> list();

    /** Deletes device {@code id}; {@link NotFoundException} if absent. */
    void delete(long id);
}
