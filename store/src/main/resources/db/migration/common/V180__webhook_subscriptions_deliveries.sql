-- Webhooks (docs/webhooks.md). A subscription's secret is sealed (AES-GCM with the node's key
-- file, bound to the URL, see pbx.webhook.WebhookService); the database never holds it in clear.
-- The event filter is comma-separated text so one column type serves both engines.
CREATE TABLE webhook_subscriptions (
    id            ${id},
    url           TEXT    NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    secret_sealed TEXT    NOT NULL CHECK (length(secret_sealed) <= 1024),
    events        TEXT    NOT NULL CHECK (length(events) BETWEEN 1 AND 1000),
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);

-- One row per attempt to deliver one event to one subscription, written before the attempt is
-- made so that a restart finds it: 'pending' waits for next_attempt_at; a failed attempt becomes
-- 'failed' and its retry is the next row (attempt + 1), or it becomes 'dead' when it was the last;
-- 'delivered' got a 2xx. The rows of one event are its delivery log.
CREATE TABLE webhook_deliveries (
    id              ${id},
    webhook_id      BIGINT  NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
    event_id        TEXT    NOT NULL CHECK (length(event_id) BETWEEN 1 AND 64),
    event           TEXT    NOT NULL CHECK (length(event) BETWEEN 1 AND 64),
    body            TEXT    NOT NULL,
    attempt         INTEGER NOT NULL CHECK (attempt >= 1),
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'failed', 'delivered', 'dead')),
    status_code     INTEGER,
    error           TEXT             CHECK (length(error) <= 500),
    next_attempt_at BIGINT,
    attempted_at    BIGINT,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    CONSTRAINT webhook_deliveries_attempt_key UNIQUE (webhook_id, event_id, attempt)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, id);
