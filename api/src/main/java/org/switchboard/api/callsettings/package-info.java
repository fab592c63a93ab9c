/** Per-extension call settings routes (forwarding, do-not-disturb) and their JSON shapes. */
package org.switchboard.api.callsettings;
