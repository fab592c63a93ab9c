package org.switchboard.pbx.provisioning;

/** Which of a device's files is asked for; immutable, any thread. */
public enum DeviceFileKind {
    /** The file the phone fetches first by its MAC: the whole configuration for most makers. */
    MAIN,
    /**
     * Polycom's per-phone settings file {@code {mac}-phone.cfg}, which the Polycom main
     * ({@code {mac}.cfg}) file lists in its {@code CONFIG_FILES}.
     */
    PHONE_SETTINGS;

    boolean appliesTo(Vendor vendor) {
        return this == MAIN || vendor == Vendor.POLYCOM;
    }
}
