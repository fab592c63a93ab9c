-- Toll-fraud control (docs/fraud-control.md). One row of settings: how numbers are classified
-- (comma-separated digit prefixes), the outbound class an extension without a row of its own gets,
-- the daily budgets (spend in millionths of the currency unit per day, minutes per day; 0 = none),
-- the cap on international calls an extension has up at once (0 = none), and the time rule whose
-- closed hours block international calls (none: never blocked for the hour). Without the row (a new
-- database: migrations insert no rows, so a restore finds every table empty) the defaults apply
-- (FraudSettings.DEFAULTS); the first save writes it.
CREATE TABLE fraud_settings (
    id                      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    default_permission      TEXT    NOT NULL
        CHECK (default_permission IN ('internal', 'local', 'national', 'international', 'premium')),
    international_prefixes  TEXT    NOT NULL CHECK (length(international_prefixes) <= 200),
    national_prefixes       TEXT    NOT NULL CHECK (length(national_prefixes) <= 200),
    premium_prefixes        TEXT    NOT NULL CHECK (length(premium_prefixes) <= 1000),
    daily_spend_micros      BIGINT  NOT NULL CHECK (daily_spend_micros >= 0),
    daily_minutes           INTEGER NOT NULL CHECK (daily_minutes >= 0),
    max_international_calls INTEGER NOT NULL CHECK (max_international_calls >= 0),
    after_hours_rule        TEXT             CHECK (length(after_hours_rule) BETWEEN 1 AND 64),
    updated_at              BIGINT  NOT NULL
);

-- An extension's own outbound class and limits; a NULL limit is the settings' default. The row
-- follows its extension (renumbered or deleted).
CREATE TABLE fraud_extension_limits (
    extension_number        TEXT    NOT NULL PRIMARY KEY
        REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    permission              TEXT    NOT NULL
        CHECK (permission IN ('internal', 'local', 'national', 'international', 'premium')),
    daily_spend_micros      BIGINT           CHECK (daily_spend_micros >= 0),
    daily_minutes           INTEGER          CHECK (daily_minutes >= 0),
    max_international_calls INTEGER          CHECK (max_international_calls >= 0),
    updated_at              BIGINT  NOT NULL
);

-- Numbers no extension may call: every number sent to a trunk that starts with an enabled prefix.
CREATE TABLE fraud_blocked_patterns (
    id         ${id},
    prefix     TEXT    NOT NULL CHECK (length(prefix) BETWEEN 1 AND 32),
    reason     TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    enabled    BOOLEAN NOT NULL DEFAULT TRUE,
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    CONSTRAINT fraud_blocked_patterns_prefix_key UNIQUE (prefix)
);

-- What the checks refused (written behind by the node that refused): the extension and number as
-- text, since an event outlives a deleted extension.
CREATE TABLE fraud_events (
    id          ${id},
    occurred_at BIGINT  NOT NULL,
    extension   TEXT    NOT NULL CHECK (length(extension) BETWEEN 1 AND 128),
    number      TEXT    NOT NULL CHECK (length(number) BETWEEN 1 AND 64),
    rule        TEXT    NOT NULL CHECK (length(rule) BETWEEN 1 AND 32),
    reason      TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    action      TEXT    NOT NULL CHECK (length(action) BETWEEN 1 AND 32)
);
CREATE INDEX fraud_events_occurred ON fraud_events (occurred_at);
