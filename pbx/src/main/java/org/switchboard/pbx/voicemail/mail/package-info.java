/**
 * Voicemail by e-mail (docs/voicemail-notifications.md): each new message of a box with an e-mail
 * address is queued in the database's outbox with its WAV, then sent over SMTP off the caller's
 * thread, retried with growing waits until the mail server accepts it.
 */
package org.switchboard.pbx.voicemail.mail;
