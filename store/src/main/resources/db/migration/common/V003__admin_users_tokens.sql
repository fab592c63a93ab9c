-- Admin panel/API accounts and their bearer tokens. Only hashes are stored: an Argon2id PHC
-- string for the password, SHA-256 (hex) for a token.
CREATE TABLE admin_users (
    id            ${id},
    username      TEXT   NOT NULL CHECK (length(username) <= 100),
    password_hash TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    CONSTRAINT admin_users_username_key UNIQUE (username)
);

CREATE TABLE admin_tokens (
    id            ${id},
    token_hash    TEXT   NOT NULL,
    admin_user_id BIGINT NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
    expires_at    BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    CONSTRAINT admin_tokens_token_hash_key UNIQUE (token_hash)
);

CREATE INDEX admin_tokens_admin_user_id_idx ON admin_tokens (admin_user_id);
CREATE INDEX admin_tokens_expires_at_idx ON admin_tokens (expires_at);
