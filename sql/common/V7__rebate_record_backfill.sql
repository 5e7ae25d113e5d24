-- Issue 8: fill rebate_record (V6) from what settlement has already decided, so the app's API serves existing
-- data right after the upgrade. From here on the settle job keeps it, writing a line's records only when they
-- differ from the stored ones (jobs/.../settle/RebateRecords): records are a function of the line's settlement
-- state and its item_title / created_at / settled_at, and the rows below are exactly that function of today's
-- states and lines, so the first settle after the upgrade writes no record for a line that did not change.
-- Set-based: one INSERT ... SELECT per role. The table is derived data: it is rebuilt whole.

DELETE FROM rebate_record;

INSERT INTO rebate_record (platform, order_line_id, role, user_id, buyer_id, status, amount_fen, item_title,
                           created_at, settled_at)
SELECT s.platform, s.order_line_id, 'BUYER', s.buyer_id, s.buyer_id, COALESCE(s.bucket, 'INVALID'), s.buyer_fen,
       o.item_title, o.created_at, o.settled_at
FROM line_settlement s JOIN order_line o ON o.platform = s.platform AND o.order_line_id = s.order_line_id
WHERE s.method IS NOT NULL AND s.buyer_id IS NOT NULL;

INSERT INTO rebate_record (platform, order_line_id, role, user_id, buyer_id, status, amount_fen, item_title,
                           created_at, settled_at)
SELECT s.platform, s.order_line_id, 'INVITER', s.inviter_id, s.buyer_id, COALESCE(s.bucket, 'INVALID'),
       s.inviter_fen, o.item_title, o.created_at, o.settled_at
FROM line_settlement s JOIN order_line o ON o.platform = s.platform AND o.order_line_id = s.order_line_id
WHERE s.method IS NOT NULL AND s.buyer_id IS NOT NULL AND s.inviter_id IS NOT NULL;

INSERT INTO rebate_record (platform, order_line_id, role, user_id, buyer_id, status, amount_fen, item_title,
                           created_at, settled_at)
SELECT s.platform, s.order_line_id, 'GRAND_INVITER', s.grand_inviter_id, s.buyer_id, COALESCE(s.bucket, 'INVALID'),
       s.grand_inviter_fen, o.item_title, o.created_at, o.settled_at
FROM line_settlement s JOIN order_line o ON o.platform = s.platform AND o.order_line_id = s.order_line_id
WHERE s.method IS NOT NULL AND s.buyer_id IS NOT NULL AND s.grand_inviter_id IS NOT NULL;
