-- Durable workflows schema, version 5: pages of runs.
-- The operator listing reads runs a page at a time, newest first by (created_at, id), of one tenant
-- (owner) or of all, and a parent's children in the same order (the cancel cascade pages through
-- them). These indexes hold that order, so a page reads its rows from an index range instead of
-- sorting every matching run. They replace the single-column indexes on created_at and
-- parent_run_id, which they begin with.

DROP INDEX durable_run_created_ix;
DROP INDEX durable_run_parent_ix;
CREATE INDEX durable_run_page_ix ON durable_run (created_at, id);
CREATE INDEX durable_run_owner_page_ix ON durable_run (owner_id, created_at, id);
CREATE INDEX durable_run_children_ix ON durable_run (parent_run_id, created_at, id);
