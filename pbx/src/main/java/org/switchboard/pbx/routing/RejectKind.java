package org.switchboard.pbx.routing;

import org.switchboard.store.db.Fields;

/** Built-in kind {@code reject}: the target is the SIP status (400 to 699) the caller gets. Immutable. */
final class RejectKind implements DestinationKind {
    static final String NAME = "reject";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "refuses the call with the SIP status the target names (400 to 699)";
    }

    @Override
    public void checkTarget(String target) {
        Fields.check(target.matches("[4-6][0-9]{2}"), "target", "must be a SIP status from 400 to 699");
    }

    @Override
    public Route decide(RuleMatch match) {
        return new Route.Rejected("refused by rule '" + match.ruleName() + "'", Integer.parseInt(match.target()));
    }
}
