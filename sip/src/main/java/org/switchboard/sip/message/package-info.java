/**
 * Immutable SIP messages (RFC 3261 §7), their headers and URIs, and the value-level grammar used
 * to read typed headers. Every type here is immutable and may be used from any thread.
 */
package org.switchboard.sip.message;
