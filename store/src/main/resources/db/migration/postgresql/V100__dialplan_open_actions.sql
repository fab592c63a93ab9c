-- A rule's action names a destination kind, and feature modules register new kinds (voicemail,
-- ivr, queue...): the closed list of V031 becomes a name check. PostgreSQL drops the column's
-- check in place; SQLite cannot, so its V100 rebuilds the table.
ALTER TABLE dialplan_rules DROP CONSTRAINT dialplan_rules_action_check;
ALTER TABLE dialplan_rules ADD CONSTRAINT dialplan_rules_action_check CHECK (length(action) BETWEEN 1 AND 32);
