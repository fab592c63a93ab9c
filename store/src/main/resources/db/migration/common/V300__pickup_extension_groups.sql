-- Call pickup (docs/pickup.md). The pickup groups an extension belongs to: group pickup (*8) answers the
-- longest-ringing call ringing any extension sharing a group with the picker. A group is only a name shared
-- by its members' rows, so it exists while one extension is in it and needs no table of its own.
CREATE TABLE extension_pickup_groups (
    extension_number TEXT   NOT NULL REFERENCES extensions (number) ON DELETE CASCADE ON UPDATE CASCADE,
    group_name       TEXT   NOT NULL CHECK (length(group_name) BETWEEN 1 AND 32),
    updated_at       BIGINT NOT NULL,
    PRIMARY KEY (extension_number, group_name)
);
CREATE INDEX extension_pickup_groups_group ON extension_pickup_groups (group_name);
