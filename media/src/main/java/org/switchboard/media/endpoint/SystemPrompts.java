package org.switchboard.media.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The English prompts shipped with Switchboard ({@code media/prompts}: generated with espeak-ng, see its README
 * for the licence), read from the classpath and decoded once, plus tones made in code. An installation replaces a
 * prompt by storing its own recording under the same name; that lookup belongs to the application, which falls
 * back to {@link #get} here.
 *
 * <p>Thread-safe. The first {@link #get} of a name reads a resource from the jar: call it off the event loops (a
 * virtual thread, or at start-up); later calls are served from memory.
 */
public final class SystemPrompts {
    private static final String BASE = "/org/switchboard/media/prompts/en/";
    private static final Map<String, String> INDEX = readIndex();
    private static final Map<String, AudioClip> CACHE = new ConcurrentHashMap<>();
    private static final AudioClip BEEP = AudioClip.tone(1000, 0.3, Duration.ofMillis(300));

    private SystemPrompts() {}

    /** Every prompt name, in the order of {@code media/prompts/prompts.txt}. */
    public static List<String> names() {
        return List.copyOf(INDEX.keySet());
    }

    /** The words prompt {@code name} says, for the admin panel and the API. */
    public static String text(String name) {
        String text = INDEX.get(name);
        if (text == null) {
            throw new IllegalArgumentException("no system prompt named '" + name + "'");
        }
        return text;
    }

    /** Prompt {@code name} (see {@link #names()}); throws {@link IllegalArgumentException} for an unknown name. */
    public static AudioClip get(String name) {
        text(name);
        return CACHE.computeIfAbsent(name, SystemPrompts::load);
    }

    /** The voicemail beep: 1000 Hz for 300 ms, made in code. */
    public static AudioClip beep() {
        return BEEP;
    }

    /** The digits of {@code number} spoken one by one ("1002" → one zero zero two); only 0-9, * and # are said. */
    public static AudioClip digits(String number) {
        List<AudioClip> parts = new ArrayList<>();
        for (char c : number.toCharArray()) {
            if (c >= '0' && c <= '9') {
                parts.add(get("digit-" + c));
            } else if (c == '*') {
                parts.add(get("star"));
            } else if (c == '#') {
                parts.add(get("pound"));
            }
        }
        return AudioClip.concat(parts);
    }

    private static AudioClip load(String name) {
        try (InputStream in = SystemPrompts.class.getResourceAsStream(BASE + name + ".wav")) {
            if (in == null) {
                throw new IllegalStateException("system prompt " + name + ".wav is missing from the jar");
            }
            return AudioClip.fromWav(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> readIndex() {
        try (InputStream in = SystemPrompts.class.getResourceAsStream(BASE + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("system prompt index is missing from the jar");
            }
            Map<String, String> index = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int bar = line.indexOf('|');
                if (bar > 0) {
                    index.put(line.substring(0, bar), line.substring(bar + 1).strip());
                }
            }
            return Collections.unmodifiableMap(index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
