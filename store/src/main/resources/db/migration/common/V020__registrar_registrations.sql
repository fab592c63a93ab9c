-- Live registrar bindings (RFC 3261 §10.3): one row per (extension, contact URI), so a restarted
-- node keeps the bindings until they expire and every node on one PostgreSQL sees them. New and
-- removed bindings are written through before the 200 OK; refreshes are written behind.
-- source_*/local_* are the flow the REGISTER came on (the NAT-mapped address, RFC 3581), which is
-- where requests for the phone go. Rows follow their extension like registered_phones.
CREATE TABLE registrations (
    id               ${id},
    extension_number TEXT    NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    contact_uri      TEXT    NOT NULL CHECK (length(contact_uri) <= 2048),
    instance_id      TEXT             CHECK (length(instance_id) <= 256),
    call_id          TEXT    NOT NULL CHECK (length(call_id) <= 256),
    cseq             BIGINT  NOT NULL,
    transport        TEXT    NOT NULL CHECK (transport IN ('UDP', 'TCP', 'TLS')),
    source_address   TEXT    NOT NULL CHECK (length(source_address) <= 45),
    source_port      INTEGER NOT NULL CHECK (source_port BETWEEN 1 AND 65535),
    local_address    TEXT    NOT NULL CHECK (length(local_address) <= 45),
    local_port       INTEGER NOT NULL CHECK (local_port BETWEEN 1 AND 65535),
    user_agent       TEXT    NOT NULL CHECK (length(user_agent) <= 512),
    expires_at       BIGINT  NOT NULL,
    registered_at    BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    CONSTRAINT registrations_contact_uri_key UNIQUE (extension_number, contact_uri)
);

CREATE INDEX registrations_expires_at_idx ON registrations (expires_at);
