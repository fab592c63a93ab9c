/** Conference rooms over HTTP: the rooms' settings and who is in each room, with mute and kick. */
package org.switchboard.api.conference;
