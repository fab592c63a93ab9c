package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.Objects;

/**
 * A phone fetched its configuration file at {@code at}: the item the write-behind writer of
 * {@code last_provisioned_at} carries; coalesce by {@link #macAddress()}. Immutable.
 */
public record ProvisioningFetch(String macAddress, Instant at) {
    public ProvisioningFetch {
        macAddress = ProvisioningColumns.mac(macAddress);
        Objects.requireNonNull(at, "at");
    }
}
