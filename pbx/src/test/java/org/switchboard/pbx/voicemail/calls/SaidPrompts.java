package org.switchboard.pbx.voicemail.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.pbx.prompt.Prompts;

/** The shipped prompts, noting the name of every one asked for, in order: what the caller was told. Thread-safe. */
final class SaidPrompts implements Prompts {
    private final List<String> said = new CopyOnWriteArrayList<>();

    @Override
    public AudioClip get(String name) {
        said.add(name);
        return Prompts.SYSTEM.get(name);
    }

    List<String> said() {
        return new ArrayList<>(said);
    }
}
