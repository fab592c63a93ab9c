-- Paging zones (docs/paging.md): a name the dial plan's kind `page` targets, the number people
-- read (the dial-plan rule is what routes it), whether a beep comes before the caller speaks, and
-- how long a page may last. Members name extensions by number, so they follow a renumbered
-- extension and go with a deleted one. Live pages are not stored: they live in the node that
-- mixes them.
CREATE TABLE paging_zones (
    id          ${id},
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    number      TEXT             CHECK (length(number) BETWEEN 1 AND 32),
    beep        BOOLEAN NOT NULL DEFAULT TRUE,
    max_seconds INTEGER NOT NULL CHECK (max_seconds BETWEEN 5 AND 3600),
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    CONSTRAINT paging_zones_name_key UNIQUE (name),
    CONSTRAINT paging_zones_number_key UNIQUE (number)
);

CREATE TABLE paging_zone_members (
    id               ${id},
    zone_id          BIGINT NOT NULL REFERENCES paging_zones (id) ON DELETE CASCADE,
    extension_number TEXT   NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    position         INTEGER NOT NULL CHECK (position >= 0),
    CONSTRAINT paging_zone_members_extension_key UNIQUE (zone_id, extension_number),
    CONSTRAINT paging_zone_members_position_key UNIQUE (zone_id, position)
);
CREATE INDEX paging_zone_members_extension ON paging_zone_members (extension_number);
