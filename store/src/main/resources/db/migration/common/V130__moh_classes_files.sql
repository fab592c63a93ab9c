-- Music on hold (docs/music-on-hold.md): the classes an extension may choose, and the WAV files of
-- each class, played one after another in `position` order (or shuffled, order 'random') and
-- looped. The audio itself lies in the data directory under moh/<class name>/<file name>; a row
-- says the file belongs to the class and how long it plays. A class keeps its name for life (the
-- folder and the extensions' choice follow the name).
CREATE TABLE moh_classes (
    id          ${id},
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 32),
    description TEXT             CHECK (length(description) <= 200),
    play_order  TEXT    NOT NULL DEFAULT 'sequential' CHECK (play_order IN ('sequential', 'random')),
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    CONSTRAINT moh_classes_name_key UNIQUE (name)
);

CREATE TABLE moh_files (
    id          ${id},
    class_id    BIGINT  NOT NULL REFERENCES moh_classes (id) ON DELETE CASCADE,
    file_name   TEXT    NOT NULL CHECK (length(file_name) BETWEEN 5 AND 68),
    position    INTEGER NOT NULL CHECK (position >= 1),
    duration_ms BIGINT  NOT NULL CHECK (duration_ms >= 0),
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    CONSTRAINT moh_files_class_file_key UNIQUE (class_id, file_name)
);
CREATE INDEX moh_files_class_id ON moh_files (class_id);
