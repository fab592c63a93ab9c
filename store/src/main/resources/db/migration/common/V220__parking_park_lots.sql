-- Call parking (docs/parking.md): the park lot callers are transferred to. One row today (name
-- 'default'), seeded from the configuration's `parking` section into an empty database: the
-- number that parks a call, the slots it hands out, how long a call waits before it rings back
-- the phone that parked it, the music class it hears, and where it goes when that phone does not
-- answer (a destination kind and target, checked by the service; none: the call is hung up).
-- Which call sits in which slot is not stored: it lives in the node holding the call.
CREATE TABLE park_lots (
    id              ${id},
    name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    number          TEXT    NOT NULL CHECK (length(number) BETWEEN 1 AND 32),
    first_slot      INTEGER NOT NULL CHECK (first_slot BETWEEN 0 AND 99999999),
    last_slot       INTEGER NOT NULL CHECK (last_slot BETWEEN 0 AND 99999999),
    timeout_seconds INTEGER NOT NULL CHECK (timeout_seconds BETWEEN 5 AND 3600),
    music_class     TEXT    NOT NULL CHECK (length(music_class) BETWEEN 1 AND 64),
    return_action   TEXT             CHECK (length(return_action) BETWEEN 1 AND 32),
    return_target   TEXT             CHECK (length(return_target) <= 64),
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    CHECK (last_slot >= first_slot AND last_slot - first_slot < 1000),
    CHECK ((return_action IS NULL) = (return_target IS NULL)),
    CONSTRAINT park_lots_name_key UNIQUE (name)
);
