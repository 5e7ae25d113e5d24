-- Issue 9 (`rebatch explain`): what decided a line's attribution, kept with the locked attribution so that
-- finance can trace a user's money to the binding or the click behind it. Written by settle in the same
-- conditional write as the rest of the line's settlement state, once, when the line is attributed (an
-- attribution never moves, so neither does its evidence).
--   DIRECT: decided_binding_kind / decided_binding_value (e.g. RELATION_ID / R77), decided_click_id NULL;
--   CLICK:  decided_click_id, the binding columns NULL.
-- Lines attributed before this migration keep NULLs: the evidence was not recorded then (explain says so).
ALTER TABLE line_settlement ADD COLUMN decided_binding_kind VARCHAR(32) NULL;
ALTER TABLE line_settlement ADD COLUMN decided_binding_value VARCHAR(128) NULL;
ALTER TABLE line_settlement ADD COLUMN decided_click_id BIGINT NULL;
