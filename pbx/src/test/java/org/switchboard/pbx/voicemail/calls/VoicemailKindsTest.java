package org.switchboard.pbx.voicemail.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.voicemail.Greeting;
import org.switchboard.pbx.routing.RuleMatch;
import org.switchboard.store.db.ValidationException;

/** What dial-plan rules of kinds {@code voicemail} and {@code mailbox} may name, and what they decide. */
class VoicemailKindsTest {

    @Test
    void aVoicemailRuleNamesABoxNumber() {
        LeaveMessageApplication.KIND.checkTarget("1002");
        LeaveMessageApplication.KIND.checkTarget("$1");
        for (String bad : new String[] {"", "own", "10 02", "*97"}) {
            assertThatThrownBy(() -> LeaveMessageApplication.KIND.checkTarget(bad)).as("target '%s'", bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("target"));
        }
        assertThat(LeaveMessageApplication.KIND.decide(new RuleMatch("vm", "1002", "*1002", Optional.empty())))
                .isEqualTo(new Route.ToApplication("voicemail", "1002", "*1002", Optional.empty()));
    }

    @Test
    void aMailboxRuleNamesTheCallersOwnBoxAnyBoxOrOneBox() {
        for (String good : new String[] {"own", "any", "1002", "$1"}) {
            MailboxApplication.KIND.checkTarget(good);
        }
        for (String bad : new String[] {"", "mine", "*98"}) {
            assertThatThrownBy(() -> MailboxApplication.KIND.checkTarget(bad)).as("target '%s'", bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("target"));
        }
        assertThat(MailboxApplication.KIND.name()).as("the kind *97 hands its calls to (FeatureCodes)").isEqualTo("mailbox");
    }

    @Test
    void busyAndDoNotDisturbCallsHearTheBusyGreetingTheOthersTheUnavailableOne() {
        assertThat(LeaveMessageApplication.greetingFor(Optional.of("busy"))).isEqualTo(Greeting.BUSY);
        assertThat(LeaveMessageApplication.greetingFor(Optional.of("do_not_disturb"))).isEqualTo(Greeting.BUSY);
        for (String other : new String[] {"no_answer", "unregistered", "always"}) {
            assertThat(LeaveMessageApplication.greetingFor(Optional.of(other))).as(other).isEqualTo(Greeting.UNAVAILABLE);
        }
        assertThat(LeaveMessageApplication.greetingFor(Optional.empty())).as("a rule straight to the box")
                .isEqualTo(Greeting.UNAVAILABLE);
    }
}
