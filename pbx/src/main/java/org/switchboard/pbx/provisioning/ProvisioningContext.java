package org.switchboard.pbx.provisioning;

import java.util.List;
import java.util.Objects;
import org.switchboard.store.db.ValidationException;

/**
 * Everything a device's configuration file is rendered from; immutable, any thread.
 *
 * @param model the canonical model name (see {@link PhoneModels})
 * @param keys the programmable keys; stored sorted by position
 */
public record ProvisioningContext(
        MacAddress mac, Vendor vendor, String model, SipAccount account, SiteSettings site, List<FunctionKey> keys) {

    public ProvisioningContext {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(vendor, "vendor");
        if (PhoneModels.canonical(vendor, model).filter(m -> m.equals(model)).isEmpty()) {
            throw new ValidationException("model", "is not a known " + vendor.id() + " model");
        }
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(site, "site");
        keys = FunctionKeys.ordered(List.copyOf(keys));
    }
}
