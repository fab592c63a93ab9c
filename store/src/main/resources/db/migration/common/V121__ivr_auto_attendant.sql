-- The auto attendant (docs/attendant.md): menus, the key options of each, and the node-wide
-- settings (one row, id 1). A menu's and an option's action is a destination kind name or one of
-- the attendant's own actions (menu, repeat, hangup, dial_by_extension); menus name each other by
-- name, which the service checks, so no foreign key ties an option to the menu it leads to.
CREATE TABLE auto_attendant_config (
    id                      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    default_menu            TEXT             CHECK (length(default_menu) BETWEEN 1 AND 64),
    direct_dial_enabled     BOOLEAN NOT NULL DEFAULT TRUE,
    direct_dial_timeout_ms  INTEGER NOT NULL DEFAULT 3000 CHECK (direct_dial_timeout_ms BETWEEN 500 AND 30000),
    created_at              BIGINT  NOT NULL,
    updated_at              BIGINT  NOT NULL
);

CREATE TABLE auto_attendant_menus (
    id              ${id},
    name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    greeting        TEXT    NOT NULL CHECK (length(greeting) BETWEEN 1 AND 64),
    timeout_seconds INTEGER NOT NULL CHECK (timeout_seconds BETWEEN 1 AND 60),
    retries         INTEGER NOT NULL CHECK (retries BETWEEN 0 AND 10),
    timeout_action  TEXT    NOT NULL CHECK (length(timeout_action) BETWEEN 1 AND 32),
    timeout_target  TEXT    NOT NULL CHECK (length(timeout_target) <= 64),
    invalid_action  TEXT    NOT NULL CHECK (length(invalid_action) BETWEEN 1 AND 32),
    invalid_target  TEXT    NOT NULL CHECK (length(invalid_target) <= 64),
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    CONSTRAINT auto_attendant_menus_name_key UNIQUE (name)
);

CREATE TABLE auto_attendant_menu_options (
    id         ${id},
    menu_id    BIGINT NOT NULL REFERENCES auto_attendant_menus (id) ON DELETE CASCADE,
    digit      TEXT   NOT NULL CHECK (digit IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#')),
    action     TEXT   NOT NULL CHECK (length(action) BETWEEN 1 AND 32),
    target     TEXT   NOT NULL CHECK (length(target) <= 64),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT auto_attendant_menu_options_digit_key UNIQUE (menu_id, digit)
);
