-- Where the residents of other desa served at a visit live, when the operator
-- knows it: a kab/kota code, or '' when not given. A province counts them for
-- that kab/kota.
ALTER TABLE visit_results ADD COLUMN out_of_area_home TEXT NOT NULL DEFAULT '';
