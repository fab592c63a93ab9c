-- Conference rooms (docs/conferences.md). PINs are kept in clear: they are shared codes an
-- administrator hands out and reads back in the panel, not a person's password. Who is in a room
-- right now is not stored: it lives in the node that mixes the room (the mixer and the calls are
-- in that process), so a row could only go stale after a crash.
CREATE TABLE conference_rooms (
    id                 ${id},
    name               TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    number             TEXT             CHECK (length(number) BETWEEN 1 AND 32),
    pin                TEXT    NOT NULL CHECK (length(pin) <= 16),
    moderator_pin      TEXT    NOT NULL CHECK (length(moderator_pin) <= 16),
    max_participants   INTEGER NOT NULL CHECK (max_participants BETWEEN 2 AND 500),
    wait_for_moderator BOOLEAN NOT NULL DEFAULT FALSE,
    tones              BOOLEAN NOT NULL DEFAULT TRUE,
    record             BOOLEAN NOT NULL DEFAULT FALSE,
    created_at         BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL,
    CONSTRAINT conference_rooms_name_key UNIQUE (name),
    CONSTRAINT conference_rooms_number_key UNIQUE (number)
);
