-- Which digest algorithm an extension's phones are challenged with (docs/configuration.md,
-- "Digest algorithm per phone"): 'auto' lets the User-Agent rules and the node default decide,
-- 'md5' or 'sha-256' offer that one alone and refuse answers in the other.
ALTER TABLE extensions ADD COLUMN digest_algorithm TEXT NOT NULL DEFAULT 'auto'
    CHECK (digest_algorithm IN ('auto', 'md5', 'sha-256'));
