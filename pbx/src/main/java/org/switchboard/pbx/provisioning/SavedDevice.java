package org.switchboard.pbx.provisioning;

import org.switchboard.store.provisioning.ProvisionedDevice;

/** The result of {@link ProvisioningService#save}: the stored device and whether it is new. Immutable, any thread. */
public record SavedDevice(ProvisionedDevice device, boolean created) {}
