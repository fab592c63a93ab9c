-- API tokens for scripts beside login sessions, in the same table: a name to recognise it by and a
-- scope, the most its bearer may do (never more than the account's role). Both are NULL for a
-- login session, which acts with the account's role.
ALTER TABLE admin_tokens ADD COLUMN name TEXT CHECK (name IS NULL OR length(name) <= 100);
ALTER TABLE admin_tokens ADD COLUMN scope TEXT CHECK (scope IS NULL OR scope IN ('administrator', 'operator', 'read_only'));
