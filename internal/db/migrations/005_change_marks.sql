-- The Cakupan dashboard asks for the newest update time of these tables to
-- learn whether anything changed; with these indexes that is a lookup, not a scan.

CREATE INDEX visit_results_updated_at ON visit_results(updated_at);
CREATE INDEX visits_updated_at ON visits(updated_at);
CREATE INDEX sites_updated_at ON sites(updated_at);
