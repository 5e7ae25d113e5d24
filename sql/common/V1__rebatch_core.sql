-- rebatch's own tables. Runs unchanged on MySQL 8, MariaDB 10.11 and H2 (MODE=MySQL).
-- Amounts BIGINT fen, rates INT bp, instants DATETIME(3) in UTC, business dates DATE (Asia/Shanghai).

-- App data (SPEC 2.2), upserted by id.
CREATE TABLE app_user (
  user_id        BIGINT      NOT NULL,
  level          VARCHAR(8)  NOT NULL,
  inviter_id     BIGINT      NULL,
  registered_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (user_id)
);

CREATE TABLE tracking_binding (
  platform       VARCHAR(8)   NOT NULL,
  kind           VARCHAR(32)  NOT NULL,
  binding_value  VARCHAR(128) NOT NULL,
  user_id        BIGINT       NOT NULL,
  PRIMARY KEY (platform, kind, binding_value)
);

CREATE TABLE click (
  click_id    BIGINT       NOT NULL,
  user_id     BIGINT       NOT NULL,
  platform    VARCHAR(8)   NOT NULL,
  item_id     VARCHAR(128) NOT NULL,
  pid         VARCHAR(64)  NOT NULL,
  clicked_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (click_id),
  KEY idx_click_item (platform, item_id, clicked_at)
);

-- The canonical order line (SPEC 3): the highest-version snapshot of each (platform, order_line_id).
CREATE TABLE order_line (
  line_seq             BIGINT       NOT NULL AUTO_INCREMENT,
  platform             VARCHAR(8)   NOT NULL,
  order_line_id        VARCHAR(64)  NOT NULL,
  parent_order_id      VARCHAR(64)  NULL,
  item_id              VARCHAR(128) NOT NULL,
  item_title           VARCHAR(255) NULL,
  quantity             INT          NOT NULL,
  paid_amount_fen      BIGINT       NOT NULL,
  commission_rate_bps  INT          NOT NULL,
  estimated_income_fen BIGINT       NOT NULL,
  settled_income_fen   BIGINT       NULL,
  status               VARCHAR(10)  NOT NULL,
  status_rank          INT          NOT NULL,
  created_at           DATETIME(3)  NOT NULL,
  paid_at              DATETIME(3)  NULL,
  received_at          DATETIME(3)  NULL,
  settled_at           DATETIME(3)  NULL,
  modified_at          DATETIME(3)  NOT NULL,
  pid                  VARCHAR(64)  NULL,
  relation_id          VARCHAR(64)  NULL,
  special_id           VARCHAR(64)  NULL,
  sub_union_id         VARCHAR(128) NULL,
  custom_uid           VARCHAR(128) NULL,
  source               VARCHAR(255) NOT NULL,
  PRIMARY KEY (line_seq),
  UNIQUE KEY uk_order_line (platform, order_line_id)
);

-- Latest Taobao refund-after-settlement snapshot per line (platforms.md part A).
CREATE TABLE refund_snapshot (
  platform       VARCHAR(8)   NOT NULL,
  order_line_id  VARCHAR(64)  NOT NULL,
  refund_status  INT          NOT NULL,
  refund_fen     BIGINT       NOT NULL,
  modified_at    DATETIME(3)  NOT NULL,
  source         VARCHAR(255) NOT NULL,
  PRIMARY KEY (platform, order_line_id)
);

-- What settlement decided for a line: the locked attribution and what is posted per role and bucket.
CREATE TABLE line_settlement (
  platform              VARCHAR(8)  NOT NULL,
  order_line_id         VARCHAR(64) NOT NULL,
  tried                 INT         NOT NULL,
  method                VARCHAR(8)  NULL,
  buyer_id              BIGINT      NULL,
  buyer_level           VARCHAR(8)  NULL,
  inviter_id            BIGINT      NULL,
  grand_inviter_id      BIGINT      NULL,
  unverified            INT         NOT NULL,
  attributed_on         DATE        NULL,
  income_fen            BIGINT      NOT NULL,
  buyer_fen             BIGINT      NOT NULL,
  inviter_fen           BIGINT      NOT NULL,
  grand_inviter_fen     BIGINT      NOT NULL,
  margin_fen            BIGINT      NOT NULL,
  bucket                VARCHAR(10) NULL,
  buyer_pending_fen     BIGINT      NOT NULL,
  buyer_available_fen   BIGINT      NOT NULL,
  inviter_pending_fen   BIGINT      NOT NULL,
  inviter_available_fen BIGINT      NOT NULL,
  grand_pending_fen     BIGINT      NOT NULL,
  grand_available_fen   BIGINT      NOT NULL,
  revision              INT         NOT NULL,
  settled_on            DATE        NOT NULL,
  PRIMARY KEY (platform, order_line_id),
  KEY idx_settlement_buyer (buyer_id)
);

-- The append-only double-entry ledger: every posting is two legs with the same entry_key that sum to zero.
CREATE TABLE ledger_entry (
  entry_id          BIGINT       NOT NULL AUTO_INCREMENT,
  entry_key         VARCHAR(190) NOT NULL,
  leg               INT          NOT NULL,
  account           VARCHAR(32)  NOT NULL,
  user_id           BIGINT       NULL,
  bucket            VARCHAR(12)  NULL,
  amount_fen        BIGINT       NOT NULL,
  ref_type          VARCHAR(8)   NOT NULL,
  platform          VARCHAR(8)   NULL,
  order_line_id     VARCHAR(64)  NULL,
  role              VARCHAR(16)  NULL,
  business_date     DATE         NOT NULL,
  job_execution_id  BIGINT       NULL,
  posted_at         DATETIME(3)  NOT NULL,
  PRIMARY KEY (entry_id),
  UNIQUE KEY uk_ledger_entry (entry_key, leg),
  KEY idx_ledger_user (user_id),
  KEY idx_ledger_execution (job_execution_id)
);

-- Per-user balances, kept in step with ledger_entry in the same transaction (read by the app).
CREATE TABLE user_balance (
  user_id          BIGINT NOT NULL,
  pending_fen      BIGINT NOT NULL,
  available_fen    BIGINT NOT NULL,
  withdrawing_fen  BIGINT NOT NULL,
  paid_fen         BIGINT NOT NULL,
  PRIMARY KEY (user_id)
);

-- Month-close tier bonus (SPEC 6): what is posted per user and month.
CREATE TABLE tier_bonus (
  user_id            BIGINT  NOT NULL,
  bonus_month        CHAR(7) NOT NULL,
  settled_buyer_fen  BIGINT  NOT NULL,
  bonus_fen          BIGINT  NOT NULL,
  revision           INT     NOT NULL,
  PRIMARY KEY (user_id, bonus_month)
);

-- Bad input (SPEC 9): every rejected row with where it came from, its raw text and the reason.
CREATE TABLE quarantine (
  quarantine_id  BIGINT       NOT NULL AUTO_INCREMENT,
  import_key     VARCHAR(100) NOT NULL,
  row_no         BIGINT       NOT NULL,
  kind           VARCHAR(16)  NOT NULL,
  platform       VARCHAR(8)   NULL,
  source         VARCHAR(255) NOT NULL,
  line_no        BIGINT       NOT NULL,
  raw_text       MEDIUMTEXT   NOT NULL,
  reason         VARCHAR(500) NOT NULL,
  created_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (quarantine_id),
  UNIQUE KEY uk_quarantine_row (import_key, row_no)
);

-- One row per imported file (report files, app data): the per-run counts of SPEC 8.
CREATE TABLE import_run (
  import_key      VARCHAR(100) NOT NULL,
  kind            VARCHAR(32)  NOT NULL,
  platform        VARCHAR(8)   NULL,
  file_name       VARCHAR(255) NOT NULL,
  sha256          CHAR(64)     NOT NULL,
  rows_read       BIGINT       NOT NULL,
  rows_new        BIGINT       NOT NULL,
  rows_changed    BIGINT       NOT NULL,
  rows_unchanged  BIGINT       NOT NULL,
  rows_stale      BIGINT       NOT NULL,
  quarantined     BIGINT       NOT NULL,
  skipped_unpaid  BIGINT       NOT NULL,
  completed_at    DATETIME(3)  NOT NULL,
  reported_in     VARCHAR(40)  NULL,
  PRIMARY KEY (import_key)
);
