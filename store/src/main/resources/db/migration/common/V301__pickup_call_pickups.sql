-- Which calls were picked up (docs/pickup.md), written behind once the picker's phone got the call: the
-- extension whose ringing was taken, who took it and how. `call_id` is the call's CDR id (whose callee is the
-- picker), so a CDR and its pickup are joined on it; a call is picked up at most once. Kept as text: the
-- history outlives deleted extensions.
CREATE TABLE call_pickups (
    call_id      TEXT   NOT NULL PRIMARY KEY CHECK (length(call_id) BETWEEN 1 AND 256),
    rung         TEXT   NOT NULL CHECK (length(rung) BETWEEN 1 AND 64),
    picked_up_by TEXT   NOT NULL CHECK (length(picked_up_by) BETWEEN 1 AND 64),
    how          TEXT   NOT NULL CHECK (how IN ('directed', 'group')),
    picked_up_at BIGINT NOT NULL
);
CREATE INDEX call_pickups_at ON call_pickups (picked_up_at);
