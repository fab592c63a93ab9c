-- Voicemail (docs/voicemail.md). Every extension has a box; its row is written on the first
-- change (settings, a wrong PIN, a greeting), and an extension without a row has the defaults
-- below, like call settings. The PIN stays the extension's own `voicemail_pin_hash` and the
-- address mailed is the extension's `email`: one PIN and one address per extension. Boxes and
-- messages refer to the extension's id, so they follow a renumbered extension and go with a
-- deleted one; audio lives in files under data_dir/voicemail/<extension id>/, named here.
CREATE TABLE voicemail_boxes (
    id                   ${id},
    extension_id         BIGINT  NOT NULL REFERENCES extensions (id) ON DELETE CASCADE,
    enabled              BOOLEAN NOT NULL DEFAULT TRUE,
    email_messages       BOOLEAN NOT NULL DEFAULT TRUE,
    max_message_seconds  INTEGER NOT NULL DEFAULT 180 CHECK (max_message_seconds BETWEEN 10 AND 3600),
    own_phone_skips_pin  BOOLEAN NOT NULL DEFAULT FALSE,
    failed_pin_count     INTEGER NOT NULL DEFAULT 0 CHECK (failed_pin_count >= 0),
    locked_until         BIGINT,
    greeting_unavailable TEXT             CHECK (length(greeting_unavailable) BETWEEN 1 AND 100),
    greeting_busy        TEXT             CHECK (length(greeting_busy) BETWEEN 1 AND 100),
    greeting_name        TEXT             CHECK (length(greeting_name) BETWEEN 1 AND 100),
    created_at           BIGINT  NOT NULL,
    updated_at           BIGINT  NOT NULL,
    CONSTRAINT voicemail_boxes_extension_id_key UNIQUE (extension_id)
);

CREATE TABLE voicemail_messages (
    id            ${id},
    extension_id  BIGINT  NOT NULL REFERENCES extensions (id) ON DELETE CASCADE,
    caller_number TEXT    NOT NULL CHECK (length(caller_number) <= 256),
    caller_name   TEXT             CHECK (length(caller_name) BETWEEN 1 AND 200),
    received_at   BIGINT  NOT NULL,
    duration_ms   BIGINT  NOT NULL CHECK (duration_ms >= 0),
    folder        TEXT    NOT NULL CHECK (folder IN ('new', 'old')),
    audio_file    TEXT    NOT NULL CHECK (length(audio_file) BETWEEN 1 AND 100),
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    CONSTRAINT voicemail_messages_audio_file_key UNIQUE (extension_id, audio_file)
);
CREATE INDEX voicemail_messages_box ON voicemail_messages (extension_id, folder, received_at);
