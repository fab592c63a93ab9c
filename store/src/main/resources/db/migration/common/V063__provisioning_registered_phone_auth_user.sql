-- The digest user name a registered phone authenticated with: the extension number for the
-- extension's own password, a device's user name (1001-a1b2c3) for a provisioned phone.
ALTER TABLE registered_phones ADD COLUMN auth_user TEXT CHECK (length(auth_user) <= 64);
