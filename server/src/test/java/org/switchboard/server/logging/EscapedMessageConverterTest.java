package org.switchboard.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;

/** The server's own logback.xml writes every event as one line, whatever the logged values hold. */
class EscapedMessageConverterTest {

    private static String layOut(String format, Object... args) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(EscapedMessageConverterTest.class.getResource("/logback.xml"));
        var logger = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked") // logback.xml declares the appender for logging events
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) logger.getAppender("CONSOLE");
        PatternLayoutEncoder encoder = (PatternLayoutEncoder) console.getEncoder();
        try {
            return encoder.getLayout().doLayout(new LoggingEvent("test", logger, Level.WARN, format, null, args));
        } finally {
            context.stop();
        }
    }

    @Test
    void aLineBreakInALoggedValueCannotStartAForgedLine() throws Exception {
        String line = layOut("admin login failed username={} address={}",
                "admin\n2026-12-07T10:00:00.000Z INFO  [main] AdminAuthService admin logged in username=root", "192.0.2.1");

        assertThat(line).as("the laid-out event").endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).as("one line, the break escaped")
                .doesNotContain("\n", "\r")
                .contains("username=admin\\n2026-12-07T10:00:00.000Z INFO");
    }

    @Test
    void otherControlCharactersAreEscapedAndPlainTextIsUntouched() throws Exception {
        assertThat(layOut("value={}", "a\rb\u0000c\u001b[31md\t")).contains("value=a\\rb\\u0000c\\u001b[31md\\t")
                .doesNotContain("\u0000", "\u001b");
        assertThat(layOut("extension created number={} name={}", "1001", "Zoë Müller")).contains("number=1001 name=Zoë Müller");
    }
}
