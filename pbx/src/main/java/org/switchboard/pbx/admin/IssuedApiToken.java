package org.switchboard.pbx.admin;

import org.switchboard.store.admin.AdminToken;

/** An API token just issued: what was stored and the plain token, which exists only now. {@link #toString()} hides the token. */
public record IssuedApiToken(AdminToken stored, String token) {
    @Override
    public String toString() {
        return "IssuedApiToken[id=" + stored.id() + ", token=***]";
    }
}
