-- Issue 6: the database is the last line of defence against double posting.

-- One job at a time per database, on every supported database: a lock row taken with a conditional update by a
-- holder that keeps a heartbeat; an expired holder is dead. Writers re-check (and extend) it in every chunk's
-- transaction, so a process that lost the lock can never commit another chunk.
CREATE TABLE job_lock (
  lock_name     VARCHAR(64)  NOT NULL,
  holder        VARCHAR(190) NULL,
  acquired_at   DATETIME(3)  NULL,
  heartbeat_at  DATETIME(3)  NULL,
  expires_at    DATETIME(3)  NULL,
  PRIMARY KEY (lock_name)
);
INSERT INTO job_lock (lock_name) VALUES ('rebatch.jobs');

-- state_seq: bumped by every write of a line's settlement state; a write names the state_seq it was computed
-- from, so a state computed from a stale one is refused by the database (optimistic check).
-- held_reason: why the line could not be settled (SPEC 9 "held"), null when it settles.
ALTER TABLE line_settlement ADD COLUMN state_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE line_settlement ADD COLUMN held_reason VARCHAR(500) NULL;
