/**
 * Phone auto-provisioning building blocks: MAC addresses, phone identification from REGISTER
 * headers, provisioning request paths, vendor configuration templates and bulk device import.
 * Everything here is pure (no SQL, no network); rendering reads template files, so it runs on a
 * virtual thread, never on an event loop.
 */
package org.switchboard.pbx.provisioning;
