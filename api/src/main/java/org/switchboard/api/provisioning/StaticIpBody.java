package org.switchboard.api.provisioning;

/** The JSON body of {@code POST /api/provisioning/devices/{mac}/static-ip}; null or blank clears it; immutable, any thread. */
public record StaticIpBody(String staticIp) {}
