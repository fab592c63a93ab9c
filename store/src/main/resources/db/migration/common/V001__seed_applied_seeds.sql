-- One row per config section copied into the database (persistence.md, "Seeding an empty database once").
-- The primary key is the claim: two nodes seeding at once insert the same name, and only one wins.
CREATE TABLE applied_seeds (
    name       TEXT   NOT NULL PRIMARY KEY,
    applied_at BIGINT NOT NULL,
    outcome    TEXT   NOT NULL CHECK (outcome IN ('seeded', 'skipped_not_empty'))
);
