package org.switchboard.sip.transport;

/**
 * The transport protocols the stack speaks, named as they appear in a Via header (RFC 3261 §18,
 * §20.42). Immutable; any thread.
 */
public enum Transport {
    UDP("UDP", false, 5060),
    TCP("TCP", true, 5060),
    TLS("TLS", true, 5061);

    private final String viaName;
    private final boolean reliable;
    private final int defaultPort;

    Transport(String viaName, boolean reliable, int defaultPort) {
        this.viaName = viaName;
        this.reliable = reliable;
        this.defaultPort = defaultPort;
    }

    /** The token used in the Via sent-protocol, e.g. {@code SIP/2.0/TCP}. */
    public String viaName() {
        return viaName;
    }

    /** Whether the transport is reliable (RFC 3261 §17: timers A, E, G are not used then). */
    public boolean isReliable() {
        return reliable;
    }

    /** Port used when a URI or Via names none (RFC 3261 §19.1.2). */
    public int defaultPort() {
        return defaultPort;
    }

    /**
     * The transport named by a Via sent-protocol token, ignoring case.
     *
     * @throws IllegalArgumentException if the stack does not speak that transport
     */
    public static Transport fromViaName(String name) {
        for (Transport t : values()) {
            if (t.viaName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported transport " + name);
    }
}
