/**
 * SRTP and SRTCP (RFC 3711) with the AES_CM_128_HMAC_SHA1_80 and AES_CM_128_HMAC_SHA1_32 suites
 * (RFC 4568 names), keyed by SDES master keys: packets are protected and unprotected in place, on the
 * owning event loop, without allocating. See docs/srtp.md.
 */
package org.switchboard.media.srtp;
