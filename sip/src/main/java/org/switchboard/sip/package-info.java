/** The SIP protocol stack (RFC 3261 and friends); knows nothing of PBX features. */
package org.switchboard.sip;
