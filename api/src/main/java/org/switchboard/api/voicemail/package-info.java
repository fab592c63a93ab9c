/** Voicemail routes: box settings, messages and their audio, greetings (docs/voicemail.md). */
package org.switchboard.api.voicemail;
