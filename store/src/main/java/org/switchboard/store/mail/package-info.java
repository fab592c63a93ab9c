/** The voicemail mail outbox: mails waiting to be sent, kept until the mail server accepted them. */
package org.switchboard.store.mail;
