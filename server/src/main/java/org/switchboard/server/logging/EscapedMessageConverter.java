package org.switchboard.server.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.switchboard.store.db.ControlCharacters;

/**
 * The {@code %msg} of logback.xml with every control character written as a visible escape
 * ({@code \n}, {@code \r}, {@code \u0000}): a value that came from the network (a user name, a
 * path, a SIP header) can never end the line and start a forged one, and every event stays one
 * line that grep and fail2ban read correctly. Stateless; logback calls it on the logging thread.
 */
public final class EscapedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return ControlCharacters.escape(super.convert(event));
    }
}
