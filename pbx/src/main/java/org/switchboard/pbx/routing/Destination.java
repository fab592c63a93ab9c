package org.switchboard.pbx.routing;

/**
 * A destination as features store it: a registered {@link DestinationKind}'s name and the target of
 * that kind ({@code extension}/{@code 1002}, {@code voicemail}/{@code 1002}, {@code ivr}/{@code
 * main}). Attendant options, fallbacks and transfers name where a call goes with one. Immutable.
 */
public record Destination(String kind, String target) {
    public Destination {
        if (kind == null || kind.isBlank() || target == null) {
            throw new IllegalArgumentException("a destination needs a kind and a target");
        }
    }
}
