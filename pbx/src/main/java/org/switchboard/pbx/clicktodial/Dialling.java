package org.switchboard.pbx.clicktodial;

/** What the API asks of click-to-dial ({@link ClickToDial}): start one, get its call id. Thread-safe. */
@FunctionalInterface
public interface Dialling {

    /**
     * Starts {@code request}; returns the call's id.
     *
     * @throws org.switchboard.store.db.ValidationException naming the field that is wrong (HTTP 400)
     * @throws org.switchboard.store.db.ConflictException when the node cannot ring {@code from} now (HTTP 409)
     */
    String dial(ClickToDialRequest request);
}
