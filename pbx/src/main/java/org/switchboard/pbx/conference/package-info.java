/**
 * Conference rooms (docs/conferences.md): the rooms' configuration and cache ({@link
 * org.switchboard.pbx.conference.ConferenceService}), who is in each room right now and the room's mixer ({@link
 * org.switchboard.pbx.conference.LiveConferences}), and destination kind {@code conference} with the call that
 * asks for the PIN, seats the caller and reads its keys ({@link org.switchboard.pbx.conference.ConferenceApplication}).
 */
package org.switchboard.pbx.conference;
