package org.switchboard.pbx.provisioning;

/**
 * The answer to a phone asking for its configuration file; the HTTP layer turns each case into a
 * status. Immutable, any thread.
 */
public sealed interface ConfigFetch {

    /** The file to send. */
    record Served(RenderedFile file) implements ConfigFetch {}

    /** No device with this MAC, or the file name belongs to another vendor's scheme. */
    record Unknown() implements ConfigFetch {}

    /** The device has a static IP and the request came from another address. */
    record WrongAddress() implements ConfigFetch {}

    /** The device exists but its file cannot be made now (e.g. its sealed password does not open). */
    record NotRenderable(String reason) implements ConfigFetch {}
}
