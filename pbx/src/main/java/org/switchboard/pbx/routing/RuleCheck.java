package org.switchboard.pbx.routing;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * Checks what a rule means before it is stored: the pattern compiles under RE2/J (the linear-time
 * engine {@link DialPlan} matches with, so back-references and look-around are refused), and the target fits the
 * action (a replacement using only groups the pattern has, a known feature, a SIP status 400 to
 * 699). Throws {@link ValidationException} naming the field. Stateless; any thread.
 */
final class RuleCheck {
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$([0-9]+)");
    // Digits and $n references only: no other '$' or '\\', which Matcher.appendReplacement would reject.
    private static final Pattern EXTENSION_TEXT = Pattern.compile("([0-9]|\\$[0-9]+)+");

    private RuleCheck() {}

    static void check(NewDialPlanRule rule) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(rule.pattern());
        } catch (PatternSyntaxException e) {
            throw new ValidationException("pattern", "is not a valid regular expression: " + e.getDescription());
        }
        String target = rule.target();
        switch (rule.action()) {
            case EXTENSION -> {
                Fields.check(EXTENSION_TEXT.matcher(target).matches(), "target",
                        "must be digits and group references such as $0 or $1");
                int groups = pattern.matcher("").groupCount();
                Matcher refs = GROUP_REFERENCE.matcher(target);
                while (refs.find()) {
                    Fields.check(Integer.parseInt(refs.group(1)) <= groups, "target",
                            "refers to a group the pattern does not have");
                }
            }
            case FEATURE -> Fields.check(Feature.parse(target).isPresent(), "target", "must be one of " + Feature.keys());
            case REJECT -> Fields.check(target.matches("[4-6][0-9]{2}"), "target", "must be a SIP status from 400 to 699");
        }
    }
}
