package org.switchboard.pbx.queue;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.pbx.prompt.Prompts;

/**
 * A number said in words from the shipped prompts: 0-9 ({@code digit-N}), 10-19 and the tens
 * ({@code number-N}), 21-99 as tens and digit; from 100 on, digit by digit. Stateless.
 */
final class SpokenNumber {
    private SpokenNumber() {}

    static AudioClip of(Prompts prompts, long number) {
        List<AudioClip> words = new ArrayList<>();
        if (number < 0 || number >= 100) {
            for (char c : Long.toString(Math.abs(number)).toCharArray()) {
                words.add(prompts.get("digit-" + c));
            }
        } else if (number < 10) {
            words.add(prompts.get("digit-" + number));
        } else if (number < 20 || number % 10 == 0) {
            words.add(prompts.get("number-" + number));
        } else {
            words.add(prompts.get("number-" + (number / 10 * 10)));
            words.add(prompts.get("digit-" + number % 10));
        }
        return AudioClip.concat(words);
    }
}
