package org.switchboard.api.dialplan;

import java.util.List;
import org.switchboard.pbx.routing.CallPlan;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.pbx.routing.Fallback;
import org.switchboard.pbx.routing.PlanStep;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RoutingDecision;
import org.switchboard.pbx.routing.RuleTrial;

/**
 * Response body of {@code GET /api/dialplan/test}: the dial plan's decision for a dialled string
 * and the trail of rules tried, then the call plan that follows from the called extension's call
 * settings and registrations. {@code route.type} is the destination kind the matching rule named
 * ({@code extension}, {@code feature}, or any kind a feature module registered) or {@code
 * rejected}, with that kind's description; {@code plan.action} is {@code ring}, {@code reject} or
 * {@code application} (with its {@code kind}, {@code target} and the kind's {@code details}, e.g. an
 * outbound route's trunks in the order they would be tried and why); the other fields are present as
 * the type needs them.
 */
public record DecisionView(String from, String to, RouteView route, List<RuleTrial> trail, PlanView plan) {

    /** The decided route, flattened for JSON. */
    public record RouteView(String type, String description, String number, String target, String argument, String reason,
            Integer sipStatus) {}

    /** What the call would do after the dial plan: ring (which extension, how many phones, the fallbacks), or be refused. */
    public record PlanView(String action, String extension, Integer contacts, List<String> forwardedBy,
            FallbackView onBusy, FallbackView onNoAnswer, String kind, String target, Integer sipStatus, String reason,
            List<PlanStep> steps, List<String> details) {}

    /** Where a ringing call goes on busy or no answer; {@code afterSeconds} is the ring time before no-answer forwarding. */
    public record FallbackView(String target, long afterSeconds) {}

    static DecisionView of(CallPlan plan, DestinationKinds kinds) {
        RoutingDecision d = plan.decision();
        RouteView route = switch (d.route()) {
            case Route.ToExtension to -> new RouteView("extension", description(kinds, "extension"), to.number(), null, null,
                    null, null);
            case Route.ToApplication app -> new RouteView(app.kind(), description(kinds, app.kind()), null, app.target(),
                    app.argument().orElse(null), null, null);
            case Route.Rejected r -> new RouteView("rejected", null, null, null, null, r.reason(), r.sipStatus());
        };
        return new DecisionView(d.caller(), d.dialled(), route, d.trail(), planView(plan, kinds));
    }

    private static PlanView planView(CallPlan plan, DestinationKinds kinds) {
        return switch (plan.action()) {
            case CallPlan.Ring r -> new PlanView("ring", r.extension(), r.contacts().size(), r.forwardedBy(),
                    r.onBusy().map(DecisionView::fallback).orElse(null), r.onNoAnswer().map(DecisionView::fallback).orElse(null),
                    null, null, null, null, plan.steps(), null);
            case CallPlan.Reject x -> new PlanView("reject", null, null, null, null, null, null, null, x.status(), x.reason(),
                    plan.steps(), null);
            case CallPlan.Apply a -> new PlanView("application", null, null, null, null, null, a.destination().kind(),
                    a.destination().target(), null, null, plan.steps(),
                    kinds.find(a.destination().kind()).map(k -> k.explain(a.destination())).orElse(List.of()));
        };
    }

    private static String description(DestinationKinds kinds, String kind) {
        return kinds.find(kind).map(DestinationKind::description).orElse(null);
    }

    private static FallbackView fallback(Fallback f) {
        return new FallbackView(f.target(), f.after().toSeconds());
    }
}
