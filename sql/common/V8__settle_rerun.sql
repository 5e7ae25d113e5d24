-- Issue 9: every `rerun` (SPEC 10) is an explicit, recorded act: who asked, when, for which business date (and
-- platform), why, whether it was a dry run, and the job execution that did it (NULL for a dry run, or while it
-- starts). `status` shows these rows beside the executions.
CREATE TABLE settle_rerun (
  rerun_id          BIGINT       NOT NULL AUTO_INCREMENT,
  business_date     DATE         NOT NULL,
  platform          VARCHAR(8)   NULL,
  reason            VARCHAR(500) NOT NULL,
  dry_run           INT          NOT NULL,
  requested_by      VARCHAR(100) NOT NULL,
  requested_at      DATETIME(3)  NOT NULL,
  job_execution_id  BIGINT       NULL,
  outcome           VARCHAR(16)  NULL,
  delta_rows        BIGINT       NULL,
  PRIMARY KEY (rerun_id),
  KEY idx_settle_rerun_date (business_date, rerun_id)
);
