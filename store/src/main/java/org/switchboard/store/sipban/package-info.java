/** The persisted list of source addresses banned from SIP, with their expiry. */
package org.switchboard.store.sipban;
