package org.switchboard.pbx.provisioning;

import java.util.Optional;

/**
 * A configuration file a phone asked for, as read from the request path by
 * {@link ProvisioningRequestPath}; immutable, any thread.
 */
public sealed interface ProvisioningRequest {

    /**
     * A file for one device, named by its MAC address.
     *
     * @param vendorHint the maker whose naming scheme the file name follows, when only one uses it;
     *     the device's stored vendor decides, and a request whose hint disagrees is refused
     * @param modelHint the model the file name carries (Snom writes it), when present
     */
    record DeviceFile(MacAddress mac, Optional<Vendor> vendorHint, Optional<String> modelHint, DeviceFileKind kind)
            implements ProvisioningRequest {

        /** Whether a device stored with {@code vendor} may be served this file name. */
        public boolean fits(Vendor vendor) {
            return vendorHint.map(vendor::equals).orElse(true) && kind.appliesTo(vendor);
        }
    }

    /**
     * A file every phone of one maker shares, without a MAC in its name (Yealink
     * {@code y0000000000xx.cfg}, Polycom {@code 000000000000.cfg}).
     */
    record CommonFile(Vendor vendor, String fileName) implements ProvisioningRequest {}

    /**
     * The company phone book in one maker's directory format (Polycom {@code 000000000000-directory.xml} and
     * {@code {mac}-directory.xml}, Grandstream {@code phonebook.xml}, {@code directory-<vendor>.xml} for the
     * others): no secret in it, so the URL token is its only guard, as for a {@link CommonFile}.
     */
    record Directory(Vendor vendor) implements ProvisioningRequest {}
}
