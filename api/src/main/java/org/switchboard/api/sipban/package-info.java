/** The SIP ban list over HTTP: list the banned sources, lift a ban. */
package org.switchboard.api.sipban;
