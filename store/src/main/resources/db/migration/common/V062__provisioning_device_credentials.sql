-- Each provisioned device has SIP credentials of its own (docs/provisioning.md): a digest user name
-- (extension-number, a dash, the MAC's last six hex digits) and the HA1s of its generated password
-- for `realm`; the password itself stays sealed in sip_secret. The device registers to its
-- extension's address of record; the extension's own password is left alone. NULL on rows saved
-- before this migration until the service gives them credentials at start.
ALTER TABLE provisioned_devices ADD COLUMN auth_user TEXT CHECK (length(auth_user) <= 64);
ALTER TABLE provisioned_devices ADD COLUMN ha1_md5 TEXT CHECK (length(ha1_md5) = 32);
ALTER TABLE provisioned_devices ADD COLUMN ha1_sha256 TEXT CHECK (length(ha1_sha256) = 64);
ALTER TABLE provisioned_devices ADD COLUMN realm TEXT CHECK (length(realm) <= 255);
CREATE UNIQUE INDEX provisioned_devices_auth_user_key ON provisioned_devices (auth_user);
