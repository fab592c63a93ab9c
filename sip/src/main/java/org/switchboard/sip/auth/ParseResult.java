package org.switchboard.sip.auth;

/**
 * The outcome of parsing untrusted header text: the value, or a reason it could not be read. Parsers
 * in this package return it instead of throwing, so a hostile peer cannot turn a header into a stack
 * trace. Immutable, safe from any thread.
 *
 * @param <T> the parsed type
 */
public sealed interface ParseResult<T> {

    /** The text was well formed. */
    record Parsed<T>(T value) implements ParseResult<T> {}

    /** The text was not well formed; {@code reason} says where, without echoing secrets. */
    record Failed<T>(String reason) implements ParseResult<T> {}

    /** A failure with the given reason. */
    static <T> ParseResult<T> failed(String reason) {
        return new Failed<>(reason);
    }
}
