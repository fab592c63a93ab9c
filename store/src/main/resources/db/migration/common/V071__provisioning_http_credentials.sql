-- HTTP digest credentials a provisioned phone must give to fetch its files (RFC 7616). Only the
-- MD5 HA1 is stored, never the password: it is shown to the admin once, when generated.
-- Deleting the device deletes its credentials.
CREATE TABLE provisioning_http_credentials (
    id          ${id},
    mac_address TEXT   NOT NULL REFERENCES provisioned_devices (mac_address) ON DELETE CASCADE,
    username    TEXT   NOT NULL CHECK (length(username) BETWEEN 1 AND 64),
    realm       TEXT   NOT NULL CHECK (length(realm) BETWEEN 1 AND 128),
    ha1_md5     TEXT   NOT NULL CHECK (length(ha1_md5) = 32),
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    CONSTRAINT provisioning_http_credentials_mac_address_key UNIQUE (mac_address)
);
