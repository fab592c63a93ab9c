-- Crash-safe CDRs: a call's row is written when it is answered (status 'open', ended_at = the last
-- time its node knew the call was up, moved forward by a heartbeat) and completed when it ends
-- ('complete'). A row a crash left open is closed later as 'interrupted', keeping that last time.
-- Rows written before this migration were written at the end of their call: complete.
ALTER TABLE cdr ADD COLUMN status TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('open', 'complete', 'interrupted'));

-- The sweep for interrupted calls looks for open rows by their last heartbeat; they are few.
CREATE INDEX cdr_open_idx ON cdr (ended_at) WHERE status = 'open';
