-- A rule's action names a destination kind, and feature modules register new kinds (voicemail,
-- ivr, queue...): the closed list of V031 becomes a name check. SQLite cannot drop a column's
-- check, so the table is rebuilt (https://www.sqlite.org/lang_altertable.html, "other kinds of
-- table schema changes"); ids are kept, and AUTOINCREMENT continues after the highest.
CREATE TABLE dialplan_rules_v100 (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    priority   INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 1000000),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    pattern    TEXT    NOT NULL CHECK (length(pattern) BETWEEN 1 AND 200),
    action     TEXT    NOT NULL CHECK (length(action) BETWEEN 1 AND 32),
    target     TEXT    NOT NULL CHECK (length(target) BETWEEN 1 AND 100),
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    CONSTRAINT dialplan_rules_priority_key UNIQUE (priority)
);
INSERT INTO dialplan_rules_v100 (id, priority, name, pattern, action, target, created_at, updated_at)
    SELECT id, priority, name, pattern, action, target, created_at, updated_at FROM dialplan_rules;
DROP TABLE dialplan_rules;
ALTER TABLE dialplan_rules_v100 RENAME TO dialplan_rules;
