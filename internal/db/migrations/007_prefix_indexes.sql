-- An office reads what lies under its code with LIKE '17.02.%'. PostgreSQL
-- uses a b-tree for such a prefix only with text_pattern_ops (outside the C
-- collation); SQLite uses the plain index once LIKE is case-sensitive, which
-- the connection sets (_cslike). Without these, every office's pages scan the
-- regions and figures of all offices.

-- only postgres
CREATE INDEX regions_code_prefix ON regions(code text_pattern_ops);
CREATE INDEX population_figures_desa_prefix ON population_figures(desa_code text_pattern_ops, as_of);
CREATE INDEX sites_desa_prefix ON sites(desa_code text_pattern_ops);
CREATE INDEX offices_code_prefix ON offices(code text_pattern_ops);
CREATE INDEX targets_region_prefix ON targets(region_code text_pattern_ops, year);
-- end
