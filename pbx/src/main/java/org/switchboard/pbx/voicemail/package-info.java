/**
 * Voicemail: a box per extension, leaving and listening to messages, message waiting and e-mail
 * (docs/voicemail.md).
 */
package org.switchboard.pbx.voicemail;
