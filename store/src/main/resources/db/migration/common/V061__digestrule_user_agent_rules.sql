-- User-Agent rules for extensions left on 'auto': the first rule (lowest position) whose pattern
-- (a Java regular expression, searched case-insensitively) occurs in the User-Agent of a phone's
-- first, unauthenticated request decides which algorithms its challenge offers, in that order.
-- Seeded once from the configuration's defaults (sip.digest_user_agent_rules).
CREATE TABLE digest_user_agent_rules (
    id                 ${id},
    position           INTEGER NOT NULL CHECK (position >= 1),
    user_agent_pattern TEXT    NOT NULL CHECK (length(user_agent_pattern) <= 256),
    algorithms         TEXT    NOT NULL CHECK (algorithms IN ('md5', 'sha-256', 'md5,sha-256', 'sha-256,md5')),
    note               TEXT             CHECK (length(note) <= 200),
    created_at         BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL,
    CONSTRAINT digest_user_agent_rules_position_key UNIQUE (position)
);
