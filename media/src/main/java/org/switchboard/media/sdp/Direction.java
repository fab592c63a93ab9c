package org.switchboard.media.sdp;

import java.util.Optional;

/** The media direction attributes of RFC 4566 §6 and how an answer mirrors them (RFC 3264 §6.1). */
public enum Direction {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String attributeName;

    Direction(String attributeName) {
        this.attributeName = attributeName;
    }

    /** The attribute name, e.g. {@code sendonly}. */
    public String attributeName() {
        return attributeName;
    }

    /** The direction an answer gives to a stream offered with this direction. */
    public Direction answer() {
        return switch (this) {
            case SENDRECV -> SENDRECV;
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            case INACTIVE -> INACTIVE;
        };
    }

    /** This direction with receiving removed, as the old c=0.0.0.0 hold form means (RFC 3264 §8.4). */
    public Direction withoutReceiving() {
        return switch (this) {
            case SENDRECV, SENDONLY -> SENDONLY;
            case RECVONLY, INACTIVE -> INACTIVE;
        };
    }

    /** The direction named by an attribute, if it is one of the four. */
    public static Optional<Direction> ofAttribute(String name) {
        for (Direction d : values()) {
            if (d.attributeName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
