-- Outbound routes and least-cost routing rates (docs/outbound-routes.md). A route names the
-- trunks it tries, in order, as comma-separated text like sip_trunks' lists (one column type for
-- both engines); the service checks the names exist when a route is saved. Rates are prices per
-- minute in millionths of the currency unit (integers compare exactly on both engines), per trunk
-- and dialled-number prefix; a time rate replaces its rate on the given days between two times.
CREATE TABLE outbound_routes (
    id          ${id},
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    dial        TEXT    NOT NULL CHECK (length(dial) BETWEEN 1 AND 64),
    trunks      TEXT    NOT NULL CHECK (length(trunks) BETWEEN 1 AND 1000),
    lcr         BOOLEAN NOT NULL DEFAULT FALSE,
    caller_id   TEXT             CHECK (length(caller_id) BETWEEN 1 AND 32),
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    CONSTRAINT outbound_routes_name_key UNIQUE (name)
);

CREATE TABLE lcr_rates (
    id          ${id},
    trunk       TEXT    NOT NULL REFERENCES sip_trunks (name) ON DELETE CASCADE ON UPDATE CASCADE,
    prefix      TEXT    NOT NULL CHECK (length(prefix) <= 32),
    rate_micros BIGINT  NOT NULL CHECK (rate_micros >= 0),
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    CONSTRAINT lcr_rates_prefix_key UNIQUE (trunk, prefix)
);

CREATE TABLE lcr_time_rates (
    id           ${id},
    rate_id      BIGINT  NOT NULL REFERENCES lcr_rates (id) ON DELETE CASCADE,
    days         TEXT    NOT NULL CHECK (length(days) BETWEEN 3 AND 27),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    rate_micros  BIGINT  NOT NULL CHECK (rate_micros >= 0),
    position     INTEGER NOT NULL CHECK (position >= 0),
    CHECK (start_minute < end_minute),
    CONSTRAINT lcr_time_rates_position_key UNIQUE (rate_id, position)
);
CREATE INDEX lcr_time_rates_rate ON lcr_time_rates (rate_id);
