package org.switchboard.pbx.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SlotPatternTest {

    @Test
    void theDefaultSlotsGiveAShortPattern() {
        assertThat(SlotPattern.of(701, 720)).isEqualTo("7(?:0[1-9]|1[0-9]|20)");
    }

    @Test
    void everyRangeMatchesItsNumbersAndNoOthers() {
        int[][] ranges = {{701, 720}, {7, 12}, {0, 0}, {95, 1003}, {1, 999}, {100, 199}, {7001, 7999}, {4321, 5320},
                {10, 19}, {8, 8}};
        for (int[] range : ranges) {
            String regex = SlotPattern.of(range[0], range[1]);
            Pattern pattern = Pattern.compile("(" + regex + ")");
            assertThat(regex.length()).as("%s fits a dial-plan rule", regex).isLessThan(190);
            for (int n = 0; n <= 11000; n++) {
                boolean inside = n >= range[0] && n <= range[1];
                assertThat(pattern.matcher(Integer.toString(n)).matches())
                        .as("%d against %s (%d-%d)", n, regex, range[0], range[1]).isEqualTo(inside);
            }
            assertThat(pattern.matcher("0" + range[0]).matches()).as("leading zero").isFalse();
        }
    }
}
