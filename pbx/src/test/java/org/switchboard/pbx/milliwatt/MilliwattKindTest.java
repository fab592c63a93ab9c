package org.switchboard.pbx.milliwatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RuleMatch;
import org.switchboard.store.db.ValidationException;

/** What a dial-plan rule of kind {@code milliwatt} may name, and what it decides. */
class MilliwattKindTest {

    @Test
    void theTargetIsTheSecondsToPlayFromOneToAnHour() {
        MilliwattApplication.KIND.checkTarget("1");
        MilliwattApplication.KIND.checkTarget("3600");
        for (String bad : new String[] {"0", "3601", "ten", "-5", "12345"}) {
            assertThatThrownBy(() -> MilliwattApplication.KIND.checkTarget(bad)).as("target %s", bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("target"));
        }
    }

    @Test
    void aMatchHandsTheCallToTheMilliwattApplication() {
        assertThat(MilliwattApplication.KIND.decide(new RuleMatch("test tone", "5", "*43", Optional.empty())))
                .isEqualTo(new Route.ToApplication("milliwatt", "5", "*43", Optional.empty()));
    }
}
