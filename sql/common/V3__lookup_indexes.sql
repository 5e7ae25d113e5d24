-- Batched look-ups ask "order_line_id IN (…)", "binding_value IN (…)", "item_id IN (…)" for a whole chunk.
-- Index those columns first: H2 only turns an IN list into index look-ups on an index's leading column (with the
-- composite keys it scanned the platform's whole range per chunk), and MySQL/MariaDB use them as well. The queries
-- name them with USE INDEX, which H2, MySQL and MariaDB all understand: H2 would otherwise pick the composite key.
CREATE INDEX idx_order_line_id ON order_line (order_line_id);
CREATE INDEX idx_refund_line_id ON refund_snapshot (order_line_id);
CREATE INDEX idx_binding_value ON tracking_binding (binding_value);
CREATE INDEX idx_click_item_first ON click (item_id, platform, clicked_at);
