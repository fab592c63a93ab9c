package org.switchboard.media.sdp;

import java.util.List;

/**
 * The outcome of answering an offer: an answer, or a typed refusal the PBX turns into {@code 488 Not Acceptable
 * Here} (RFC 3261 §21.4.26).
 *
 * <p>Immutable: any thread may use it.
 */
public sealed interface AnswerResult {
    /**
     * An answer whose media section {@code mediaIndex} carries the stream; {@code codecs} are the agreed
     * payload formats in answer order (first = the one to send), telephone-event included when agreed.
     */
    record Answered(SessionDescription answer, int mediaIndex, List<RtpMap> codecs, Direction direction)
            implements AnswerResult {
        /** Copies the list. */
        public Answered {
            codecs = List.copyOf(codecs);
        }
    }

    /** No acceptable stream; {@code reason} says why, suitable for a Warning header or a log line. */
    record NotAcceptable(String reason) implements AnswerResult {}
}
