-- Source addresses banned from SIP (docs/security.md): every message from one is dropped
-- unanswered until `expires_at`. Written by the node that counted the authentication failures,
-- read by every node sharing the database, lifted by an administrator (row deleted). `address`
-- is the textual form of an IPv4 or IPv6 address as Java prints it, so one address has one row.
CREATE TABLE sip_bans (
    id         ${id},
    address    TEXT    NOT NULL CHECK (length(address) BETWEEN 2 AND 45),
    reason     TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    failures   INTEGER NOT NULL CHECK (failures >= 0),
    expires_at BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    CONSTRAINT sip_bans_address_key UNIQUE (address)
);
CREATE INDEX sip_bans_expires_at ON sip_bans (expires_at);
