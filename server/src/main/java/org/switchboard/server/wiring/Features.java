package org.switchboard.server.wiring;

import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.extension.ExtensionService;

/**
 * The PBX services, shared by the HTTP API and the command line so the two cannot disagree.
 * Immutable holder; the services are thread-safe.
 */
public record Features(ExtensionService extensions, AdminAuthService adminAuth) {}
