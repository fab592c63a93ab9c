-- The secret path segment phones put before their file name under /provision/ (the URL given by
-- DHCP option 66 or a vendor's redirection service): without it no file is served. One row per
-- scope; the scope 'installation' is created on first start and replaced when an admin rotates it.
CREATE TABLE provisioning_url_tokens (
    id         ${id},
    scope      TEXT   NOT NULL CHECK (length(scope) BETWEEN 1 AND 32),
    token      TEXT   NOT NULL CHECK (length(token) BETWEEN 16 AND 64),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT provisioning_url_tokens_scope_key UNIQUE (scope)
);
