-- Each office keeps its audit trail for a number of years it sets (issue 18);
-- older entries are archived to a file and removed.
ALTER TABLE offices ADD COLUMN audit_retention_years INTEGER NOT NULL DEFAULT 5;
