-- Prompts an installation uploaded (docs/attendant.md): the WAV file lives in the data directory's
-- prompts folder under file_name (a new name per upload, so a replaced prompt's row never points
-- at a half-written file); a row whose name is a system prompt's replaces that prompt.
CREATE TABLE prompts (
    id             ${id},
    name           TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    file_name      TEXT    NOT NULL CHECK (length(file_name) BETWEEN 1 AND 128),
    sample_rate_hz INTEGER NOT NULL CHECK (sample_rate_hz IN (8000, 16000)),
    duration_ms    BIGINT  NOT NULL CHECK (duration_ms >= 0),
    size_bytes     BIGINT  NOT NULL CHECK (size_bytes >= 0),
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    CONSTRAINT prompts_name_key UNIQUE (name)
);
