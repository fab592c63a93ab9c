package org.switchboard.pbx.sipban;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.SecurityAlert;
import org.switchboard.pbx.registrar.AuthFailureListener;

/**
 * Stops SIP password guessing: every failed digest check (REGISTER, INVITE) is logged in one line
 * a fail2ban filter can read and counted per source address and per extension; a source that keeps
 * failing is held off (its messages go unanswered for a growing while) and then banned, with a
 * security alert on the event bus; an extension failing from many sources raises an alert too.
 * Thread-safe: called from every call executor; never blocks (the ban is written on a virtual
 * thread by {@link SipBanService}).
 */
public final class SipAuthGuard implements AuthFailureListener {
    private static final Logger log = LoggerFactory.getLogger(SipAuthGuard.class);
    /** Sources and extensions tracked at once; beyond, the oldest windows are forgotten. */
    private static final int TRACKED = 10_000;
    private static final int MAX_TEXT = 80;

    private final SipBanSettings settings;
    private final SipBanService bans;
    private final EventBus events;
    private final Clock clock;
    private final FailureWindows<InetAddress> bySource;
    private final FailureWindows<String> byExtension;
    private final MeterRegistry meters;
    private final Counter banned;

    public SipAuthGuard(SipBanSettings settings, SipBanService bans, EventBus events, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.bans = bans;
        this.events = events;
        this.clock = clock;
        this.bySource = new FailureWindows<>(settings.findTime(), TRACKED);
        this.byExtension = new FailureWindows<>(settings.findTime(), TRACKED);
        this.meters = meters;
        this.banned = Counter.builder("switchboard.sip.bans")
                .description("Sources banned for failing SIP authentication").register(meters);
    }

    @Override
    public void failed(Failure failure) {
        Instant now = clock.instant();
        InetAddress source = failure.source();
        int fromSource = bySource.count(source, now);
        int forExtension = byExtension.count(failure.extension(), now);
        Counter.builder("switchboard.sip.auth.failures").description("Failed SIP digest authentications")
                .tag("method", knownMethod(failure.method())).register(meters).increment();
        // One line per failure, source first and attacker-chosen text last and quoted, so a
        // fail2ban filter anchors on "sip auth failed source=<HOST>" (docs/security.md).
        log.warn("sip auth failed source={} failures={} method={} transport={} extension=\"{}\" user_agent=\"{}\"",
                source.getHostAddress(), fromSource, knownMethod(failure.method()), failure.transport(),
                quoted(failure.extension()), quoted(failure.userAgent().orElse("")));
        if (fromSource >= settings.banAfter()) {
            banned.increment();
            bySource.forget(source);
            bans.ban(source, fromSource + " SIP authentication failures within " + words(settings.findTime()),
                    fromSource, settings.banTime());
            events.publish(new SecurityAlert(now, "sip_source_banned", source.getHostAddress(), failure.extension(),
                    fromSource + " failed SIP authentications; banned for " + words(settings.banTime())));
        } else {
            Duration hold = settings.holdOffAfter(fromSource);
            if (hold.isPositive()) {
                bans.holdOff(source, hold);
            }
        }
        if (forExtension == settings.extensionAlertAfter()) {
            log.warn("sip extension under guessing extension=\"{}\" failures={} within={}", quoted(failure.extension()),
                    forExtension, words(settings.findTime()));
            events.publish(new SecurityAlert(now, "sip_extension_guessed", source.getHostAddress(),
                    failure.extension(), forExtension + " failed SIP authentications for this extension within "
                            + words(settings.findTime()) + ", from any source"));
        }
    }

    /** A duration as people write it in a reason: {@code 10 min}, {@code 1 h}, {@code 90 s}. */
    static String words(Duration d) {
        long seconds = d.toSeconds();
        return seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    /** A method name for a metric label: the challenged ones, anything else as OTHER (bounded labels). */
    private static String knownMethod(String method) {
        return switch (method) {
            case "REGISTER", "INVITE", "SUBSCRIBE", "MESSAGE", "REFER", "PUBLISH", "NOTIFY", "OPTIONS" -> method;
            default -> "OTHER";
        };
    }

    /**
     * Untrusted text made safe for one log line: quotes and backslashes escaped, control
     * characters as {@code \xNN} (no forged lines), cut at {@value #MAX_TEXT} characters.
     */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT) + 8);
        for (int i = 0; i < text.length() && i < MAX_TEXT; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > MAX_TEXT) {
            out.append("...");
        }
        return out.toString();
    }
}
