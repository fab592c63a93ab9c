package org.switchboard.pbx.provisioning;

/**
 * A configuration file ready to send to a phone; immutable, any thread.
 *
 * @param contentType the HTTP media type, with charset
 */
public record RenderedFile(String contentType, String body) {

    public static final String XML = "application/xml; charset=UTF-8";
    static final String TEXT = "text/plain; charset=UTF-8";
}
