package org.switchboard.server.wiring;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** The process's open-file limit, which the SIP connection total must leave room under. Any thread. */
final class FileHandles {
    /** Assumed where the platform does not tell (not a Unix): the common default soft limit. */
    private static final long UNKNOWN = 1024;

    private FileHandles() {}

    /** The most file handles this process may hold open ({@code ulimit -n}). */
    static long maxOpen() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : UNKNOWN;
    }

    /** File handles open now, or -1 where the platform does not tell. */
    static long open() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount()
                : -1;
    }
}
