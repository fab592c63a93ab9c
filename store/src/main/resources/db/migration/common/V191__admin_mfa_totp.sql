-- TOTP (RFC 6238) second factor per admin account. The shared secret is sealed with the node's
-- key file (AES-256-GCM, the account as associated data); last_step is the newest 30-second time
-- step accepted, so a code is never accepted twice. Recovery codes are kept as SHA-256 (hex) of
-- high-entropy random codes, each usable once.
CREATE TABLE mfa_secrets (
    id            ${id},
    admin_user_id BIGINT  NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    sealed_secret TEXT    NOT NULL,
    confirmed     BOOLEAN NOT NULL DEFAULT FALSE,
    last_step     BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    CONSTRAINT mfa_secrets_admin_user_id_key UNIQUE (admin_user_id)
);

CREATE TABLE mfa_recovery_codes (
    id            ${id},
    admin_user_id BIGINT NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    code_hash     TEXT   NOT NULL,
    used_at       BIGINT,
    created_at    BIGINT NOT NULL,
    CONSTRAINT mfa_recovery_codes_code_hash_key UNIQUE (admin_user_id, code_hash)
);

CREATE INDEX mfa_recovery_codes_admin_user_id_idx ON mfa_recovery_codes (admin_user_id);
