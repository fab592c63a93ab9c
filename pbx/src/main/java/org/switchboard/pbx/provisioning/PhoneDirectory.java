package org.switchboard.pbx.provisioning;

/**
 * The company phone book as a maker's phones read it ({@link ProvisioningRequest.Directory}),
 * rendered from memory on the HTTP request's thread. Thread-safe.
 */
@FunctionalInterface
public interface PhoneDirectory {
    RenderedFile render(Vendor vendor);
}
