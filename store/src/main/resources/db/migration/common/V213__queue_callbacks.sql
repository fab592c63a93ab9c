-- Queue callback (docs/queues.md, "Callback"): a queue may offer its waiting callers a key that keeps
-- their place and hangs up (`callback_digit`, empty: no callback); the PBX then calls back the agent
-- and the caller, trying at most `callback_max_attempts` times, `callback_retry_seconds` apart.
ALTER TABLE call_queues ADD COLUMN callback_digit TEXT CHECK (length(callback_digit) = 1);
ALTER TABLE call_queues ADD COLUMN callback_max_attempts INTEGER NOT NULL DEFAULT 3
    CHECK (callback_max_attempts BETWEEN 1 AND 10);
ALTER TABLE call_queues ADD COLUMN callback_retry_seconds INTEGER NOT NULL DEFAULT 60
    CHECK (callback_retry_seconds BETWEEN 10 AND 3600);

-- One caller's request to be called back. `number` is the caller's number as the PBX received it
-- (an extension, or an external number reached through the outbound routes); `enqueued_at` is when
-- the caller entered the queue, its place in line; `call_id` the call that asked for it. `state`:
-- waiting (in line, also after a restart), calling (agent or caller being rung), done (bridged) or
-- failed (no answer `callback_max_attempts` times); `attempts` counts the tries that reached an agent
-- but not the caller. The requests go with their queue.
CREATE TABLE callback_requests (
    id          ${id},
    queue_id    BIGINT  NOT NULL REFERENCES call_queues (id) ON DELETE CASCADE,
    number      TEXT    NOT NULL CHECK (length(number) BETWEEN 1 AND 64),
    call_id     TEXT    NOT NULL CHECK (length(call_id) BETWEEN 1 AND 256),
    enqueued_at BIGINT  NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('waiting', 'calling', 'done', 'failed')),
    attempts    INTEGER NOT NULL CHECK (attempts >= 0),
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX callback_requests_queue ON callback_requests (queue_id, enqueued_at);
