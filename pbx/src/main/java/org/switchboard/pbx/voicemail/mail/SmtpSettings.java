package org.switchboard.pbx.voicemail.mail;

import java.util.Optional;

/**
 * The mail server voicemail mails go through ({@code smtp.*}). Immutable.
 *
 * @param startTls the session must switch to TLS with STARTTLS before anything is sent; a server
 *     that does not offer it fails the attempt rather than receiving the mail in plain text
 * @param username empty: no SMTP AUTH
 */
public record SmtpSettings(String host, int port, String from, boolean startTls, Optional<String> username,
                           Optional<String> password) {

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", from=" + from + ", startTls=" + startTls
                + ", username=" + username + ", password=" + (password.isPresent() ? "***" : "(none)") + "]";
    }
}
