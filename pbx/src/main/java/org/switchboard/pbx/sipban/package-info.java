/**
 * SIP password-guessing defence: counts authentication failures per source address and per
 * extension, logs each in one line a fail2ban filter can read, holds a guessing source off and then
 * bans it (persisted, shared by the nodes on one database, lifted through the API), and raises
 * security alerts on the event bus (docs/security.md).
 */
package org.switchboard.pbx.sipban;
