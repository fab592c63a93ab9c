-- Phones to auto-provision: one row per device MAC (12 lower-case hex digits), bound to the
-- extension whose account the phone gets. The row follows its extension: renumbering the
-- extension renumbers the device, deleting the extension deletes the device's provisioning.
CREATE TABLE provisioned_devices (
    id                  ${id},
    mac_address         TEXT   NOT NULL CHECK (length(mac_address) = 12),
    extension_number    TEXT   NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    vendor              TEXT   NOT NULL CHECK (length(vendor) <= 32),
    model               TEXT   NOT NULL CHECK (length(model) <= 64),
    static_ip           TEXT            CHECK (length(static_ip) <= 45),
    config_url          TEXT            CHECK (length(config_url) <= 2048),
    last_provisioned_at BIGINT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    CONSTRAINT provisioned_devices_mac_address_key UNIQUE (mac_address)
);

CREATE INDEX provisioned_devices_extension_number_idx ON provisioned_devices (extension_number);
