/**
 * Message waiting (docs/voicemail-notifications.md): phones subscribe to their own box's message
 * summary (RFC 3842 over RFC 6665) and get a NOTIFY on every change; phones that never subscribe
 * but expect one are sent the same NOTIFY unasked.
 */
package org.switchboard.pbx.voicemail.mwi;
