-- Find-me/follow-me (docs/follow-me.md): per extension, whether calls to it follow the caller's
-- list, whether the desk phone rings alone first (for desk_seconds) or together with the list, and
-- whether the listed numbers ring one after the other or all at once. Rows go with their extension
-- and follow it when renumbered.
CREATE TABLE fmfm_configs (
    id               ${id},
    extension_number TEXT    NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    enabled          BOOLEAN NOT NULL,
    desk_first       BOOLEAN NOT NULL,
    desk_seconds     INTEGER NOT NULL CHECK (desk_seconds BETWEEN 5 AND 300),
    strategy         TEXT    NOT NULL CHECK (strategy IN ('in_order', 'together')),
    updated_at       BIGINT  NOT NULL,
    CONSTRAINT fmfm_configs_extension_key UNIQUE (extension_number)
);

-- The numbers to ring, in order, each with its ring time (in order: its turn; together: the longest
-- of them is how long the list rings).
CREATE TABLE fmfm_destinations (
    id           ${id},
    config_id    BIGINT  NOT NULL REFERENCES fmfm_configs (id) ON DELETE CASCADE,
    number       TEXT    NOT NULL CHECK (length(number) BETWEEN 1 AND 32),
    ring_seconds INTEGER NOT NULL CHECK (ring_seconds BETWEEN 5 AND 300),
    position     INTEGER NOT NULL CHECK (position >= 0),
    CONSTRAINT fmfm_destinations_number_key UNIQUE (config_id, number),
    CONSTRAINT fmfm_destinations_position_key UNIQUE (config_id, position)
);
