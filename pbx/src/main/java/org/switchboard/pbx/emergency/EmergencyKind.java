package org.switchboard.pbx.emergency;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RuleMatch;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.emergency.EmergencySettings;

/**
 * Destination kind {@code emergency}: the target is the number sent to the emergency trunks. The
 * emergency numbers reach it before any rule ({@link EmergencyNumbers}); a rule may also name it
 * (a {@code 9911} kept working for people used to the outside-line prefix). Explains, for {@code
 * GET /api/dialplan/test}, the callback number and the trunks in the order a call would try them
 * now. Immutable; thread-safe (memory only).
 */
public final class EmergencyKind implements DestinationKind {
    public static final String NAME = "emergency";
    private static final Pattern NUMBER = Pattern.compile("[0-9]{2,15}");

    private final EmergencyService service;
    private final EmergencyTrunks trunks;

    public EmergencyKind(EmergencyService service, EmergencyTrunks trunks) {
        this.service = service;
        this.trunks = trunks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "an emergency call: sent to the emergency trunks with the caller's location and callback number";
    }

    @Override
    public void checkTarget(String target) {
        if (!NUMBER.matcher(target).matches()) {
            throw new ValidationException("target", "must be the emergency number to send: 2 to 15 digits");
        }
    }

    @Override
    public Route decide(RuleMatch match) {
        return new Route.ToApplication(NAME, match.target(), match.dialled(), match.argument());
    }

    @Override
    public List<String> explain(Route.ToApplication destination) {
        EmergencySettings settings = service.settings();
        List<String> lines = new ArrayList<>();
        lines.add("number sent: " + destination.target() + "; the trunk is used even at its channel limit");
        lines.add("callback number: the caller's DID, else " + settings.callbackNumber().orElse("the extension's number"));
        List<String> order = trunks.explain(settings, destination.target());
        if (order.isEmpty()) {
            lines.add("no emergency trunk is set (PUT /api/emergency): the call is refused (503)");
        }
        lines.addAll(order);
        return List.copyOf(lines);
    }
}
