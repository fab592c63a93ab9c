/**
 * SIP-specific event notification (RFC 6665) on the notifier's side, for any event package: SUBSCRIBE
 * accepted, refreshed and ended, NOTIFY in the subscription's dialog, expiry, and a NOTIFY outside
 * any subscription for phones that expect one unasked. What a package's state means is the
 * package's business (the PBX's message summary); nothing here knows it.
 */
package org.switchboard.sip.event;
