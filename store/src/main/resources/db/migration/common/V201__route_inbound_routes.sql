-- Inbound routes (docs/inbound-routes.md): a DID a carrier sends calls to, and the destination (a
-- dial-plan destination kind and its target, checked by the service like a rule's) its calls go
-- to. The DID '*' is the default for numbers no other row names.
CREATE TABLE inbound_routes (
    id          ${id},
    did         TEXT    NOT NULL CHECK (length(did) BETWEEN 1 AND 32),
    action      TEXT    NOT NULL CHECK (length(action) BETWEEN 1 AND 32),
    target      TEXT    NOT NULL CHECK (length(target) BETWEEN 1 AND 64),
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    CONSTRAINT inbound_routes_did_key UNIQUE (did)
);
