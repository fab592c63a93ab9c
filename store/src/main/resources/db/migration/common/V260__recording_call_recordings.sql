-- Call recording (docs/recording.md). Per extension, whether its calls are recorded (never, always,
-- on demand through the API) and whether both parties hear "this call may be recorded" first; an
-- extension without a row is never recorded. The announcement flag lives on the policy row: it is
-- one switch per extension, so it needs no table of its own.
CREATE TABLE recording_policies (
    extension_number TEXT    NOT NULL PRIMARY KEY REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    policy           TEXT    NOT NULL CHECK (policy IN ('never', 'always', 'on_demand')),
    announcement     BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at       BIGINT  NOT NULL
);

-- One row per finished recording, written once its WAV is complete on disk, keyed to the CDR by
-- call_id. The extension is the one whose policy recorded the call (kept as text: the recording
-- outlives a deleted extension). file is relative to data_dir/recordings.
CREATE TABLE call_recordings (
    id               ${id},
    call_id          TEXT    NOT NULL CHECK (length(call_id) BETWEEN 1 AND 255),
    extension        TEXT    NOT NULL CHECK (length(extension) BETWEEN 1 AND 64),
    started_at       BIGINT  NOT NULL,
    duration_seconds INTEGER NOT NULL CHECK (duration_seconds >= 0),
    file             TEXT    NOT NULL CHECK (length(file) BETWEEN 1 AND 255),
    legal_hold       BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT call_recordings_file_key UNIQUE (file)
);
CREATE INDEX call_recordings_call ON call_recordings (call_id);
CREATE INDEX call_recordings_started ON call_recordings (started_at);

-- How long recordings are kept: one row ('default') with the maximum age in days; none: forever.
-- Recordings under legal hold are kept whatever their age.
CREATE TABLE recording_retention_policies (
    id           ${id},
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    max_age_days INTEGER NOT NULL CHECK (max_age_days BETWEEN 1 AND 36500),
    updated_at   BIGINT  NOT NULL,
    CONSTRAINT recording_retention_policies_name_key UNIQUE (name)
);
