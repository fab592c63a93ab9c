package org.switchboard.pbx.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.ivr.NumberEntry.Progress;

class NumberEntryTest {
    private final ExtensionNumbers numbers = new ExtensionNumbers(() -> List.of("1001", "1002", "20", "205"));

    @BeforeEach
    void load() {
        numbers.reload();
    }

    @Test
    void aNumberNoLongerOneBeginsWithIsCompleteAtItsLastKey() {
        NumberEntry entry = new NumberEntry(numbers);
        assertThat(List.of(entry.press("1"), entry.press("0"), entry.press("0"), entry.press("2")))
                .containsExactly(Progress.MORE, Progress.MORE, Progress.MORE, Progress.COMPLETE);
        assertThat(entry.number()).isEqualTo("1002");
    }

    @Test
    void aNumberThatBeginsALongerOneWaitsForThePauseOrPound() {
        NumberEntry paused = new NumberEntry(numbers);
        paused.press("2");
        assertThat(paused.press("0")).isEqualTo(Progress.MORE);
        assertThat(paused.press("")).as("pause after 20").isEqualTo(Progress.COMPLETE);

        NumberEntry pound = new NumberEntry(numbers);
        pound.press("2");
        pound.press("0");
        assertThat(pound.press("#")).isEqualTo(Progress.COMPLETE);
        assertThat(pound.number()).isEqualTo("20");
    }

    @Test
    void keysNoNumberBeginsWithAreRefusedAtOnce() {
        NumberEntry entry = new NumberEntry(numbers);
        entry.press("1");
        assertThat(entry.press("9")).isEqualTo(Progress.NONE);
        assertThat(new NumberEntry(numbers).press("")).as("nothing pressed").isEqualTo(Progress.NONE);
    }
}
