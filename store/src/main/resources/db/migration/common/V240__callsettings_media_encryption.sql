-- What an extension's phones are held to for encrypted media (SDES-SRTP, docs/srtp.md): 'refuse',
-- 'offer' (the default: SRTP when the phone wants it, best-effort offers to it) or 'require'.
ALTER TABLE call_settings ADD COLUMN media_encryption TEXT NOT NULL DEFAULT 'offer'
    CHECK (media_encryption IN ('refuse', 'offer', 'require'));
