-- Phones seen registering, per extension: written behind by the registrar (persistence.md).
-- A phone that tells its MAC is one row per (MAC, extension); one that does not is one row per
-- (IP address, extension), its mac_address NULL (NULLs never clash in a UNIQUE constraint on
-- either engine). The row follows its extension like provisioned_devices.
CREATE TABLE registered_phones (
    id                  ${id},
    mac_address         TEXT            CHECK (length(mac_address) = 12),
    extension_number    TEXT   NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    user_agent          TEXT   NOT NULL CHECK (length(user_agent) <= 512),
    ip_address          TEXT   NOT NULL CHECK (length(ip_address) <= 45),
    contact_uri         TEXT   NOT NULL CHECK (length(contact_uri) <= 2048),
    first_registered_at BIGINT NOT NULL,
    last_registered_at  BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    -- Extension first: these also serve lookups by extension, and a clash names the second column.
    CONSTRAINT registered_phones_mac_address_key UNIQUE (extension_number, mac_address),
    CONSTRAINT registered_phones_ip_address_key UNIQUE (extension_number, ip_address)
);

CREATE INDEX registered_phones_mac_address_idx ON registered_phones (mac_address);
CREATE INDEX registered_phones_last_registered_at_idx ON registered_phones (last_registered_at);
