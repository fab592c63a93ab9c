-- SIP trunks to carriers. The password is sealed (AES-GCM with the node's key file, see
-- pbx.trunk.TrunkService); the database never holds it in clear. Lists (codecs, inbound
-- addresses) are comma-separated text so one column type serves both engines.
CREATE TABLE sip_trunks (
    id                ${id},
    name              TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    host              TEXT    NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
    port              INTEGER          CHECK (port BETWEEN 1 AND 65535),
    transport         TEXT    NOT NULL CHECK (transport IN ('udp', 'tcp', 'tls')),
    outbound_proxy    TEXT             CHECK (length(outbound_proxy) <= 260),
    username          TEXT             CHECK (length(username) <= 128),
    password_sealed   TEXT             CHECK (length(password_sealed) <= 1024),
    register          BOOLEAN NOT NULL DEFAULT FALSE,
    register_expiry   INTEGER NOT NULL CHECK (register_expiry BETWEEN 60 AND 86400),
    options_interval  INTEGER NOT NULL CHECK (options_interval BETWEEN 0 AND 3600),
    options_misses    INTEGER NOT NULL CHECK (options_misses BETWEEN 1 AND 100),
    codecs            TEXT    NOT NULL CHECK (length(codecs) <= 200),
    max_channels      INTEGER NOT NULL CHECK (max_channels >= 0),
    caller_id_rules   TEXT             CHECK (length(caller_id_rules) <= 1000),
    inbound_addresses TEXT    NOT NULL CHECK (length(inbound_addresses) <= 4000),
    enabled           BOOLEAN NOT NULL DEFAULT TRUE,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL,
    CONSTRAINT sip_trunks_name_key UNIQUE (name)
);
