-- Ring groups (docs/ring-groups.md): a name the dial plan's kind `ring_group` targets, how its
-- members ring (all at once, in order, in order starting after the last one who answered), how
-- long each ring lasts, and where an unanswered call goes (a destination kind and its target,
-- checked by the service like any destination; none: the caller gets the failure). Members name
-- extensions by number, so they follow a renumbered extension and go with a deleted one.
CREATE TABLE ring_groups (
    id                  ${id},
    name                TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    strategy            TEXT    NOT NULL CHECK (strategy IN ('ring_all', 'hunt', 'memory_hunt')),
    ring_seconds        INTEGER NOT NULL CHECK (ring_seconds BETWEEN 5 AND 300),
    final_action        TEXT             CHECK (length(final_action) BETWEEN 1 AND 32),
    final_target        TEXT             CHECK (length(final_target) <= 64),
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL,
    CHECK ((final_action IS NULL) = (final_target IS NULL)),
    CONSTRAINT ring_groups_name_key UNIQUE (name)
);

CREATE TABLE ring_group_members (
    id               ${id},
    group_id         BIGINT  NOT NULL REFERENCES ring_groups (id) ON DELETE CASCADE,
    extension_number TEXT    NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    position         INTEGER NOT NULL CHECK (position >= 0),
    CONSTRAINT ring_group_members_extension_key UNIQUE (group_id, extension_number),
    CONSTRAINT ring_group_members_position_key UNIQUE (group_id, position)
);
CREATE INDEX ring_group_members_extension ON ring_group_members (extension_number);
