/**
 * Webhooks (docs/webhooks.md): subscriptions to PBX events with a URL, a sealed secret and an
 * event filter; each event is saved as a pending delivery before it is sent, signed with
 * HMAC-SHA256, retried with doubling back-off across restarts and dead after the last attempt.
 */
package org.switchboard.pbx.webhook;
