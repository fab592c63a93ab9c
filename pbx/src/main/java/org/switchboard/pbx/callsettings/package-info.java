/** Per-extension call settings (call forwarding, do-not-disturb): rules, cache, and the feature codes that toggle them. */
package org.switchboard.pbx.callsettings;
