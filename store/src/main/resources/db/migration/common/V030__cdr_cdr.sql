-- Call detail records: one row per call, written behind by the CDR recorder when the call ends
-- (persistence.md, high-rate facts). Keyed by the caller leg's Call-ID so a replayed batch upserts.
-- Durations are whole seconds, rounded up, derived from the epoch-millisecond timestamps.
CREATE TABLE cdr (
    id               ${id},
    call_id          TEXT    NOT NULL CHECK (length(call_id) <= 256),
    caller           TEXT    NOT NULL CHECK (length(caller) <= 128),
    callee           TEXT    NOT NULL CHECK (length(callee) <= 128),
    started_at       BIGINT  NOT NULL,
    answered_at      BIGINT,
    ended_at         BIGINT  NOT NULL,
    duration_seconds BIGINT  NOT NULL CHECK (duration_seconds >= 0),
    billable_seconds BIGINT  NOT NULL CHECK (billable_seconds >= 0 AND billable_seconds <= duration_seconds),
    disposition      TEXT    NOT NULL CHECK (disposition IN ('ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CANCELLED')),
    hangup_cause     TEXT    NOT NULL CHECK (length(hangup_cause) <= 128),
    codec            TEXT             CHECK (length(codec) <= 64),
    caller_address   TEXT             CHECK (length(caller_address) <= 64),
    callee_address   TEXT             CHECK (length(callee_address) <= 64),
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    CHECK (ended_at >= started_at),
    CHECK ((disposition = 'ANSWERED') = (answered_at IS NOT NULL)),
    CONSTRAINT cdr_call_id_key UNIQUE (call_id)
);

-- The listing is newest first; each filter (extension as caller or callee, disposition) is an
-- equality followed by the date range, so each index leads with its column and ends with the order.
CREATE INDEX cdr_started_at_idx ON cdr (started_at, id);
CREATE INDEX cdr_caller_idx ON cdr (caller, started_at);
CREATE INDEX cdr_callee_idx ON cdr (callee, started_at);
CREATE INDEX cdr_disposition_idx ON cdr (disposition, started_at);
