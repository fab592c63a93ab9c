-- Time rules (docs/time-rules.md): business hours per weekday and holiday dates; a call sent to a
-- rule goes to its open destination within the hours on a day that is no holiday, else to its
-- closed destination (each a dial-plan destination kind and target, checked by the service).
CREATE TABLE time_routing_rules (
    id             ${id},
    name           TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    open_action    TEXT    NOT NULL CHECK (length(open_action) BETWEEN 1 AND 32),
    open_target    TEXT    NOT NULL CHECK (length(open_target) BETWEEN 1 AND 64),
    closed_action  TEXT    NOT NULL CHECK (length(closed_action) BETWEEN 1 AND 32),
    closed_target  TEXT    NOT NULL CHECK (length(closed_target) BETWEEN 1 AND 64),
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL,
    CONSTRAINT time_routing_rules_name_key UNIQUE (name)
);

-- The open hours of a rule: on these days (mon,tue,...) from start_minute to end_minute after
-- midnight in the server's time zone (calls.time_zone).
CREATE TABLE time_routing_hours (
    id           ${id},
    rule_id      BIGINT  NOT NULL REFERENCES time_routing_rules (id) ON DELETE CASCADE,
    days         TEXT    NOT NULL CHECK (length(days) BETWEEN 3 AND 27),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    position     INTEGER NOT NULL CHECK (position >= 0),
    CHECK (start_minute < end_minute),
    CONSTRAINT time_routing_hours_position_key UNIQUE (rule_id, position)
);
CREATE INDEX time_routing_hours_rule ON time_routing_hours (rule_id);

-- Dates a rule is closed all day (ISO yyyy-mm-dd in the server's time zone).
CREATE TABLE holidays (
    id       ${id},
    rule_id  BIGINT  NOT NULL REFERENCES time_routing_rules (id) ON DELETE CASCADE,
    day      TEXT    NOT NULL CHECK (length(day) = 10),
    name     TEXT    NOT NULL CHECK (length(name) <= 64),
    CONSTRAINT holidays_day_key UNIQUE (rule_id, day)
);
CREATE INDEX holidays_rule ON holidays (rule_id);
