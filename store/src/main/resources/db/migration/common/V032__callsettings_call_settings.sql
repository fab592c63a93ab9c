-- Per-extension call settings (docs/calls.md): call forwarding always / on busy / on no answer
-- and do-not-disturb. An extension without a row has everything off and the default ring
-- timeout. A forwarding that is switched off keeps its target, so *72 without a number turns
-- the last one on again. The row follows its extension (renumbered or deleted).
CREATE TABLE call_settings (
    id                        ${id},
    extension_number          TEXT    NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    forward_always_enabled    BOOLEAN NOT NULL DEFAULT FALSE,
    forward_always_target     TEXT             CHECK (length(forward_always_target) BETWEEN 1 AND 64),
    forward_busy_enabled      BOOLEAN NOT NULL DEFAULT FALSE,
    forward_busy_target       TEXT             CHECK (length(forward_busy_target) BETWEEN 1 AND 64),
    forward_no_answer_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    forward_no_answer_target  TEXT             CHECK (length(forward_no_answer_target) BETWEEN 1 AND 64),
    no_answer_timeout_seconds INTEGER NOT NULL DEFAULT 20 CHECK (no_answer_timeout_seconds BETWEEN 5 AND 300),
    do_not_disturb            BOOLEAN NOT NULL DEFAULT FALSE,
    created_at                BIGINT  NOT NULL,
    updated_at                BIGINT  NOT NULL,
    CHECK (NOT forward_always_enabled OR forward_always_target IS NOT NULL),
    CHECK (NOT forward_busy_enabled OR forward_busy_target IS NOT NULL),
    CHECK (NOT forward_no_answer_enabled OR forward_no_answer_target IS NOT NULL),
    CONSTRAINT call_settings_extension_number_key UNIQUE (extension_number)
);
