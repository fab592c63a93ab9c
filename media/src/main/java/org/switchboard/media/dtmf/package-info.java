/**
 * DTMF: digits and their RFC 4733 event codes and tone pairs, and the parser of SIP INFO DTMF bodies
 * ({@code application/dtmf-relay}, {@code application/dtmf}). Pure and SIP-free, so call control and media share
 * it.
 */
package org.switchboard.media.dtmf;
