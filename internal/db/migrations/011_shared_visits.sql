-- A site hosts two teams at overlapping times only when the planner marked
-- the visit as shared on purpose (a big school); internal/visit/clash.go.
ALTER TABLE visits ADD COLUMN shared BOOLEAN NOT NULL DEFAULT FALSE;
