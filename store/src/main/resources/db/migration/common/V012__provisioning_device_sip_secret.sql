-- The SIP password a provisioned phone is given, sealed (AES-256-GCM) by the pbx service with a
-- key kept outside the database; the plain password is never stored. NULL for rows created before
-- this column existed until the device is saved again.
ALTER TABLE provisioned_devices ADD COLUMN sip_secret TEXT CHECK (length(sip_secret) <= 512);
