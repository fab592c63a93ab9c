-- Call queues (docs/queues.md): a name the dial plan's kind `queue` targets; how waiting callers are
-- offered to the members (the strategy), how long an agent's phone rings per offer, the wrap-up
-- after each call, the limits (longest wait, most callers waiting; 0 = none) and where a caller goes
-- past them (a destination kind and its target, both empty for a hang-up), the music class (empty:
-- the node's default), how often position and estimated wait are announced (0 = never), and the
-- key that leaves the queue for a voicemail box (both empty: no key). Members name extensions by
-- number, so they follow a renumbered extension and go with a deleted one.
CREATE TABLE call_queues (
    id                    ${id},
    name                  TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    strategy              TEXT    NOT NULL CHECK (strategy IN ('ring_all', 'round_robin', 'least_recent',
                                                               'fewest_calls', 'random', 'linear', 'skills')),
    ring_seconds          INTEGER NOT NULL CHECK (ring_seconds BETWEEN 5 AND 300),
    wrap_up_seconds       INTEGER NOT NULL CHECK (wrap_up_seconds BETWEEN 0 AND 3600),
    max_wait_seconds      INTEGER NOT NULL CHECK (max_wait_seconds BETWEEN 0 AND 86400),
    max_callers           INTEGER NOT NULL CHECK (max_callers BETWEEN 0 AND 10000),
    timeout_action        TEXT             CHECK (length(timeout_action) BETWEEN 1 AND 32),
    timeout_target        TEXT             CHECK (length(timeout_target) <= 64),
    moh_class             TEXT             CHECK (length(moh_class) BETWEEN 1 AND 64),
    announce_seconds      INTEGER NOT NULL CHECK (announce_seconds BETWEEN 0 AND 3600),
    voicemail_digit       TEXT             CHECK (length(voicemail_digit) = 1),
    voicemail_box         TEXT             CHECK (length(voicemail_box) BETWEEN 1 AND 32),
    service_level_seconds INTEGER NOT NULL CHECK (service_level_seconds BETWEEN 1 AND 3600),
    created_at            BIGINT  NOT NULL,
    updated_at            BIGINT  NOT NULL,
    CHECK ((timeout_action IS NULL) = (timeout_target IS NULL)),
    CHECK ((voicemail_digit IS NULL) = (voicemail_box IS NULL)),
    CONSTRAINT call_queues_name_key UNIQUE (name)
);

CREATE TABLE queue_members (
    id               ${id},
    queue_id         BIGINT  NOT NULL REFERENCES call_queues (id) ON DELETE CASCADE,
    extension_number TEXT    NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    position         INTEGER NOT NULL CHECK (position >= 0),
    CONSTRAINT queue_members_extension_key UNIQUE (queue_id, extension_number),
    CONSTRAINT queue_members_position_key UNIQUE (queue_id, position)
);
CREATE INDEX queue_members_extension ON queue_members (extension_number);

-- An agent's own state, for every queue it is a member of: logged out, or paused (still logged in,
-- offered no calls). An extension without a row is logged in and not paused, so a queue works as
-- soon as its members exist; the row follows the extension like membership does.
CREATE TABLE queue_agents (
    extension_number TEXT    NOT NULL PRIMARY KEY REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    logged_in        BOOLEAN NOT NULL,
    paused           BOOLEAN NOT NULL,
    updated_at       BIGINT  NOT NULL
);
