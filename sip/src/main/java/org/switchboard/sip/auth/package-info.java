/**
 * SIP digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): parsing and serializing
 * challenge and credential header values, the server side (stateless HMAC nonces, verification with
 * nonce-count replay protection) and the client side (answering a trunk's challenge).
 */
package org.switchboard.sip.auth;
