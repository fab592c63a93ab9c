/**
 * Voicemail's calls (docs/voicemail.md, "Calls"): leaving a message in a box (destination kind
 * {@code voicemail}) and listening to one's box by telephone (kind {@code mailbox}, {@code *97} and
 * {@code *98}), as applications of the call engine over the {@link org.switchboard.pbx.voicemail.Voicemail}
 * port. Each menu of the listening call is its own small state machine ({@link
 * org.switchboard.pbx.voicemail.calls.Menu}).
 */
package org.switchboard.pbx.voicemail.calls;
