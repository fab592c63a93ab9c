package org.switchboard.pbx.provisioning;

/**
 * A configuration template could not be rendered (an operator's override is broken or refers to
 * a variable that does not exist); the message names the template and the fault.
 */
public final class TemplateRenderException extends RuntimeException {
    public TemplateRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
