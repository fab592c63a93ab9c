-- The music-on-hold class an extension's held parties hear (docs/music-on-hold.md); NULL is the
-- `default` class. A class an extension names cannot be deleted (the service answers 409 naming the
-- extensions first; the foreign key keeps it true whatever the path).
ALTER TABLE call_settings ADD COLUMN moh_class TEXT REFERENCES moh_classes (name) ON UPDATE CASCADE;
CREATE INDEX call_settings_moh_class ON call_settings (moh_class);
