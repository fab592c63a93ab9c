-- The outcome of every caller who entered a queue (docs/queues.md, "Outcomes and the CDR"), written
-- behind when the caller leaves the queue: answered (by `agent`), abandoned (hung up while waiting),
-- timeout (past the longest wait), full (the queue had no room), voicemail (pressed the queue's key).
-- `call_id` is the call's CDR id, so a CDR and its queue outcome are joined on it. Kept by queue name,
-- not id: the history outlives a deleted queue.
CREATE TABLE queue_calls (
    id           ${id},
    call_id      TEXT    NOT NULL CHECK (length(call_id) BETWEEN 1 AND 256),
    queue_name   TEXT    NOT NULL CHECK (length(queue_name) BETWEEN 1 AND 64),
    caller       TEXT    NOT NULL CHECK (length(caller) <= 64),
    outcome      TEXT    NOT NULL CHECK (outcome IN ('answered', 'abandoned', 'timeout', 'full', 'voicemail')),
    agent        TEXT             CHECK (length(agent) BETWEEN 1 AND 32),
    joined_at    BIGINT  NOT NULL,
    left_at      BIGINT  NOT NULL,
    wait_seconds INTEGER NOT NULL CHECK (wait_seconds >= 0),
    CHECK ((agent IS NULL) = (outcome <> 'answered')),
    CONSTRAINT queue_calls_call_key UNIQUE (call_id, queue_name, joined_at)
);
CREATE INDEX queue_calls_queue ON queue_calls (queue_name, left_at);
