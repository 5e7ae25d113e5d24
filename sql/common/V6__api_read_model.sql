-- Issue 8: what the app's REST API reads. Maintained by the settle job in the same chunk transaction as the
-- ledger, so a request never aggregates ledger entries and never sees half a chunk.

-- One rebate record per (line, role) with a beneficiary (SPEC 8 "rebate records"): what that user gets from that
-- line and where it stands. status: PENDING / AVAILABLE (the line's bucket) or INVALID (no bucket: cancelled or
-- refunded). created_at / settled_at / item_title are the order line's. Shaped for "newest first for one user"
-- with keyset pagination on (created_at, platform, order_line_id, role), optionally per status.
CREATE TABLE rebate_record (
  platform       VARCHAR(8)   NOT NULL,
  order_line_id  VARCHAR(64)  NOT NULL,
  role           VARCHAR(16)  NOT NULL,
  user_id        BIGINT       NOT NULL,
  buyer_id       BIGINT       NOT NULL,
  status         VARCHAR(10)  NOT NULL,
  amount_fen     BIGINT       NOT NULL,
  item_title     VARCHAR(255) NULL,
  created_at     DATETIME(3)  NOT NULL,
  settled_at     DATETIME(3)  NULL,
  PRIMARY KEY (platform, order_line_id, role),
  KEY idx_rebate_user (user_id, created_at, platform, order_line_id, role),
  KEY idx_rebate_user_status (user_id, status, created_at, platform, order_line_id, role)
);

-- The per-run reconciliation report (SPEC 8 "written as CSV and served over REST"), one row per metric, so any
-- API replica can serve it without the node's report files.
CREATE TABLE run_report (
  report_id      BIGINT       NOT NULL AUTO_INCREMENT,
  run_label      VARCHAR(60)  NOT NULL,
  business_date  DATE         NOT NULL,
  platform       VARCHAR(16)  NOT NULL,
  metric         VARCHAR(600) NOT NULL,
  metric_value   BIGINT       NOT NULL,
  PRIMARY KEY (report_id),
  KEY idx_run_report_date (business_date, run_label)
);
