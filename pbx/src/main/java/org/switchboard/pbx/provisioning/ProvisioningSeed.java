package org.switchboard.pbx.provisioning;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.seed.Seed;

/**
 * Copies the config file's {@code provisioning.devices} section into an empty table, once,
 * through {@link ProvisioningService#save} and {@link ProvisioningService#setStaticIp}, so seeded
 * devices get the same checks and passwords as API ones. Run by the store's {@code SeedRunner} on
 * the start-up thread inside the seed's transaction; it must run after the extensions seed, and
 * the server calls {@link ProvisioningService#start()} after the seeds ran.
 */
public final class ProvisioningSeed implements Seed {
    private final ProvisioningService service;
    private final List<DeviceImportRow> entries;

    /** @param entries the section's devices, parsed by the server with {@link #entry} */
    public ProvisioningSeed(ProvisioningService service, List<DeviceImportRow> entries) {
        this.service = service;
        this.entries = List.copyOf(entries);
    }

    /**
     * One config entry, checked like an API body.
     *
     * @param staticIp null when the entry has none
     * @throws org.switchboard.store.db.ValidationException naming the bad field
     */
    public static DeviceImportRow entry(String mac, String extension, String vendor, String model, String staticIp) {
        DeviceInput input = DeviceInput.parse(mac, extension, vendor, model);
        Optional<InetAddress> ip = staticIp == null || staticIp.isBlank()
                ? Optional.empty()
                : Optional.of(IpLiteral.parse(staticIp, "static_ip"));
        return new DeviceImportRow(input.mac(), input.extension(), input.vendor(), input.model(), ip);
    }

    @Override
    public String name() {
        return "provisioning.devices";
    }

    @Override
    public boolean hasRows() {
        return service.count() > 0;
    }

    @Override
    public void apply() {
        for (DeviceImportRow row : entries) {
            service.save(DeviceInput.of(row), "config seed");
            row.staticIp().ifPresent(ip -> service.setStaticIp(row.mac().hex(), ip.getHostAddress(), "config seed"));
        }
    }
}
