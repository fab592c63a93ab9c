-- The digest user name the caller authenticated its INVITE with: the extension number (the
-- password the admin typed) or a provisioned device's own user name (1001-a1b2c3), so the record
-- says which of the extension's phones placed the call. NULL for rows written before it was kept.
ALTER TABLE cdr ADD COLUMN caller_auth_user TEXT CHECK (length(caller_auth_user) <= 64);
