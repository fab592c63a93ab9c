-- Admin roles: what an account may change (docs/security.md, "Roles"). Existing accounts were
-- all-powerful before roles existed, so they become administrators.
ALTER TABLE admin_users ADD COLUMN role TEXT NOT NULL DEFAULT 'administrator'
    CHECK (role IN ('administrator', 'operator', 'read_only'));

CREATE INDEX admin_users_role_idx ON admin_users (role);
