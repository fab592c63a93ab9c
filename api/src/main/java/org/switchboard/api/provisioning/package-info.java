/**
 * HTTP for phone provisioning: the admin REST routes under {@code /api/provisioning},
 * {@code /api/registered-phones} and {@code /api/phone-lookup} (bearer auth), and the
 * configuration files phones fetch under {@code /provision/} (no bearer auth; protected by
 * static-IP matching and scan throttling, see docs/provisioning.md).
 */
package org.switchboard.api.provisioning;
