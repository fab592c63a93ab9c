-- Voicemail mails waiting to be sent (docs/voicemail-notifications.md): one row per new message
-- of a box with an e-mail address, written when the message is left, with a copy of its WAV so
-- the mail goes out even if the message is deleted first. The mailer delivers from here: a sent
-- mail's row is deleted; a failure counts an attempt and sets when to try again. Nothing is
-- dropped: a row stays until its mail is accepted by the mail server.
CREATE TABLE voicemail_outbox (
    id              ${id},
    box             TEXT    NOT NULL CHECK (length(box) BETWEEN 1 AND 32),
    message_id      BIGINT  NOT NULL,
    recipient       TEXT    NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
    caller_number   TEXT    NOT NULL CHECK (length(caller_number) <= 64),
    caller_name     TEXT    NOT NULL CHECK (length(caller_name) <= 128),
    received_at     BIGINT  NOT NULL,
    duration_ms     BIGINT  NOT NULL CHECK (duration_ms >= 0),
    audio           ${bytes} NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at BIGINT  NOT NULL,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    CONSTRAINT voicemail_outbox_message_key UNIQUE (box, message_id)
);
CREATE INDEX voicemail_outbox_next_attempt_at ON voicemail_outbox (next_attempt_at);
