-- Dial-plan rules (docs/calls.md): tried in ascending priority, the first whose pattern matches
-- the whole dialled string decides. `action` says what `target` means: for 'extension' the
-- replacement giving the extension number ($0 = the whole match, $1 = group 1...), for 'feature'
-- the feature's name, for 'reject' the SIP status answered.
CREATE TABLE dialplan_rules (
    id         ${id},
    priority   INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 1000000),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    pattern    TEXT    NOT NULL CHECK (length(pattern) BETWEEN 1 AND 200),
    action     TEXT    NOT NULL CHECK (action IN ('extension', 'feature', 'reject')),
    target     TEXT    NOT NULL CHECK (length(target) BETWEEN 1 AND 100),
    created_at BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL,
    CONSTRAINT dialplan_rules_priority_key UNIQUE (priority)
);
