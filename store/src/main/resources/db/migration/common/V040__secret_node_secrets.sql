-- Secrets every node of a cluster must share and a restart must keep, such as the key that signs
-- SIP digest nonces. Created once by whichever node needs one first.
CREATE TABLE node_secrets (
    name       TEXT     PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    secret     ${bytes} NOT NULL,
    created_at BIGINT   NOT NULL
);
