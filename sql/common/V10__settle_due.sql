-- Issue 11: a night's settle visits only the lines that can change (domain SettleDue).
-- due_on: the first business date on which settling the line again could change its result without new input.
-- '1000-01-01' = at once (a new line, a changed snapshot or refund; every line stored before this migration);
-- '9999-12-31' = never by date alone. Import sets it with the snapshot, settle after evaluating the line.
-- The index makes "lines due on or before D" a range scan in (due_on, line_seq) order, the settle reader's keys.
ALTER TABLE order_line ADD COLUMN due_on DATE NOT NULL DEFAULT '1000-01-01';
CREATE INDEX idx_order_line_due ON order_line (due_on, line_seq);

-- through_date: the latest business date any settle evaluated lines as of. A settle of an earlier date visits every
-- line (the due dates only look forward); settle raises it when it starts.
-- rules_digest: the digest of the rule sets (RuleSets.settleDigest) the last complete visit of every line used; a
-- settle under other rules visits every line again.
CREATE TABLE settle_horizon (
  horizon_id    INT      NOT NULL,
  through_date  DATE     NOT NULL,
  rules_digest  CHAR(64) NULL,
  PRIMARY KEY (horizon_id)
);
INSERT INTO settle_horizon (horizon_id, through_date) VALUES (1, '1000-01-01');
