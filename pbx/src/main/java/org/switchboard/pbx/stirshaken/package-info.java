/**
 * STIR/SHAKEN (docs/stir-shaken.md): signs the PASSporT of an outgoing call into an RFC 8224
 * {@code Identity} header (RFC 8225 with the SHAKEN extension of RFC 8588, ES256) and verifies the
 * {@code Identity} header of an incoming call, with the signer's certificate fetched from its
 * {@code x5u} URL, cached, and checked against the configured trust anchors; the result reaches
 * the phone as {@code verstat} in P-Asserted-Identity. Keys and certificates are PEM files named
 * in the configuration; nothing here blocks a call thread.
 */
package org.switchboard.pbx.stirshaken;
