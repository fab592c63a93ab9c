-- Emergency calls (docs/emergency.md). The settings are one row (id 1): the numbers that are
-- emergency calls, the trunks tried for them in order, the callback number presented when the
-- calling extension has no DID of its own, and whom to tell at call start. Lists are
-- comma-separated text like the trunks' lists (one column type for both engines). A location is
-- the dispatchable civic address (RFC 5139 elements) of one extension; it goes with the extension.
CREATE TABLE emergency_settings (
    id               INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    numbers          TEXT    NOT NULL CHECK (length(numbers) BETWEEN 1 AND 200),
    trunks           TEXT    NOT NULL CHECK (length(trunks) <= 1000),
    callback_number  TEXT             CHECK (length(callback_number) BETWEEN 1 AND 32),
    notify_emails    TEXT    NOT NULL CHECK (length(notify_emails) <= 2600),
    notify_extension TEXT             CHECK (length(notify_extension) BETWEEN 1 AND 32),
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL
);

CREATE TABLE emergency_locations (
    id               ${id},
    extension_number TEXT    NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    country          TEXT    NOT NULL CHECK (length(country) = 2),
    state            TEXT    NOT NULL CHECK (length(state) BETWEEN 1 AND 64),
    city             TEXT    NOT NULL CHECK (length(city) BETWEEN 1 AND 64),
    street           TEXT    NOT NULL CHECK (length(street) BETWEEN 1 AND 64),
    house_number     TEXT    NOT NULL CHECK (length(house_number) BETWEEN 1 AND 16),
    floor            TEXT             CHECK (length(floor) BETWEEN 1 AND 16),
    room             TEXT             CHECK (length(room) BETWEEN 1 AND 32),
    name             TEXT             CHECK (length(name) BETWEEN 1 AND 64),
    postal_code      TEXT             CHECK (length(postal_code) BETWEEN 1 AND 16),
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    CONSTRAINT emergency_locations_extension_key UNIQUE (extension_number)
);
