-- Extensions (phones/users). The plain SIP password is never stored: only the digest HA1s
-- (RFC 3261 §22.4, RFC 8760) made for `realm`; a changed SIP domain needs the password set again.
CREATE TABLE extensions (
    id                 ${id},
    number             TEXT    NOT NULL CHECK (length(number) <= 32),
    name               TEXT    NOT NULL CHECK (length(name) <= 200),
    email              TEXT             CHECK (length(email) <= 254),
    ha1_md5            TEXT    NOT NULL,
    ha1_sha256         TEXT    NOT NULL,
    realm              TEXT    NOT NULL,
    voicemail_pin_hash TEXT,
    allow_external     BOOLEAN NOT NULL DEFAULT FALSE,
    enabled            BOOLEAN NOT NULL DEFAULT TRUE,
    created_at         BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL,
    CONSTRAINT extensions_number_key UNIQUE (number)
);
