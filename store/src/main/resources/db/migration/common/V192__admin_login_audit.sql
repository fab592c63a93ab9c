-- Every admin login attempt, successful or not: who (as typed), from which address, when, and the
-- outcome. Usernames are not a foreign key: attempts for unknown or deleted accounts are kept too.
CREATE TABLE admin_logins (
    id         ${id},
    username   TEXT   NOT NULL CHECK (length(username) <= 200),
    address    TEXT   NOT NULL,
    result     TEXT   NOT NULL CHECK (result IN ('success', 'invalid_credentials', 'mfa_required', 'invalid_mfa', 'throttled')),
    at         BIGINT NOT NULL
);

CREATE INDEX admin_logins_at_idx ON admin_logins (at);
CREATE INDEX admin_logins_username_idx ON admin_logins (username);
