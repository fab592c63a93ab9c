package org.switchboard.pbx.provisioning;

/** The transport a provisioned phone uses to reach the PBX (RFC 3261 §18); immutable, any thread. */
public enum SipTransport {
    UDP,
    TCP,
    TLS
}
