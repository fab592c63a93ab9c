-- The company phone book (docs/phone-book.md): contacts everybody shares, served to phones as
-- their makers' XML directories and used to name callers on inbound calls. A contact has a name
-- (first, last or company: at least one) and up to three numbers (office, mobile, home: at least
-- one); numbers are kept as typed, the lookup compares their digits.
CREATE TABLE phone_book (
    id          ${id},
    first_name  TEXT CHECK (length(first_name) BETWEEN 1 AND 64),
    last_name   TEXT CHECK (length(last_name) BETWEEN 1 AND 64),
    company     TEXT CHECK (length(company) BETWEEN 1 AND 128),
    office      TEXT CHECK (length(office) BETWEEN 1 AND 32),
    mobile      TEXT CHECK (length(mobile) BETWEEN 1 AND 32),
    home        TEXT CHECK (length(home) BETWEEN 1 AND 32),
    email       TEXT CHECK (length(email) BETWEEN 3 AND 254),
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    CHECK (first_name IS NOT NULL OR last_name IS NOT NULL OR company IS NOT NULL),
    CHECK (office IS NOT NULL OR mobile IS NOT NULL OR home IS NOT NULL)
);
CREATE INDEX phone_book_names ON phone_book (last_name, first_name, company);
