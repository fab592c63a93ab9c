package org.switchboard.pbx.routing;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * Checks what a rule means before it is stored: the pattern compiles under RE2/J (the linear-time
 * engine {@link DialPlan} matches with, so back-references and look-around are refused), the
 * action names a registered {@link DestinationKind}, the target's group references name groups the
 * pattern has, and the kind accepts the target. Throws {@link ValidationException} naming the
 * field. Stateless; any thread.
 */
final class RuleCheck {
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$([0-9]+)");
    // '$' only as a group reference and no '\\': Matcher.appendReplacement would reject anything else.
    private static final Pattern REPLACEMENT_TEXT = Pattern.compile("([^$\\\\]|\\$[0-9]+)+");

    private RuleCheck() {}

    static void check(NewDialPlanRule rule, DestinationKinds kinds) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(rule.pattern());
        } catch (PatternSyntaxException e) {
            throw new ValidationException("pattern", "is not a valid regular expression: " + e.getDescription());
        }
        DestinationKind kind = kinds.find(rule.action().key())
                .orElseThrow(() -> new ValidationException("action", "must be one of " + kinds.names()));
        String target = rule.target();
        Fields.check(REPLACEMENT_TEXT.matcher(target).matches(), "target",
                "may use '$' only in group references such as $0 or $1, and no '\\'");
        int groups = pattern.matcher("").groupCount();
        Matcher refs = GROUP_REFERENCE.matcher(target);
        while (refs.find()) {
            Fields.check(Integer.parseInt(refs.group(1)) <= groups, "target", "refers to a group the pattern does not have");
        }
        kind.checkTarget(target);
    }
}
