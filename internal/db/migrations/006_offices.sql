-- Offices: a Dinas Dukcapil of a kab/kota or a province, keyed by its Kemendagri
-- code. Every row an office owns carries its office_id; regions, figures and
-- targets are keyed by region code, which is the office's scope by itself.
-- An install from before offices gets office 17.02 (Kabupaten Rejang Lebong)
-- with the letterhead it had; a new database gets its first office at start.

UPDATE regions SET level = 'kabkota' WHERE level = 'kabupaten';

CREATE TABLE offices (
    id           {{ID}},
    code         TEXT NOT NULL UNIQUE REFERENCES regions(code),
    level        TEXT NOT NULL,
    zone         TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    government   TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL,
    address      TEXT NOT NULL DEFAULT '',
    city         TEXT NOT NULL DEFAULT '',
    head_name    TEXT NOT NULL DEFAULT '',
    head_nip     TEXT NOT NULL DEFAULT '',
    head_rank    TEXT NOT NULL DEFAULT '',
    logo_type    TEXT NOT NULL DEFAULT '',
    logo         {{BYTES}},
    working_days TEXT NOT NULL DEFAULT '1,2,3,4,5',
    holidays     TEXT NOT NULL DEFAULT '',
    demo         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   {{TIMESTAMP}} NOT NULL,
    CHECK (level IN ('provinsi', 'kabkota'))
);

INSERT INTO offices (code, level, government, name, address, city, head_name, head_nip, head_rank, created_at)
SELECT r.code, 'kabkota', 'PEMERINTAH KABUPATEN REJANG LEBONG',
    COALESCE((SELECT value FROM settings WHERE key = 'office_name'), 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Rejang Lebong'),
    COALESCE((SELECT value FROM settings WHERE key = 'office_address'), 'Jl. S. Sukowati No. 1, Curup, Rejang Lebong, Bengkulu'),
    COALESCE((SELECT value FROM settings WHERE key = 'office_city'), 'Curup'),
    COALESCE((SELECT value FROM settings WHERE key = 'office_head_name'), ''),
    COALESCE((SELECT value FROM settings WHERE key = 'office_head_nip'), ''),
    COALESCE((SELECT value FROM settings WHERE key = 'office_head_rank'), ''),
    CURRENT_TIMESTAMP
FROM regions r WHERE r.code = '17.02';
DELETE FROM settings WHERE key LIKE 'office\_%' ESCAPE '\';

ALTER TABLE users ADD COLUMN office_id BIGINT REFERENCES offices(id);
ALTER TABLE sites ADD COLUMN office_id BIGINT REFERENCES offices(id);
ALTER TABLE visits ADD COLUMN office_id BIGINT REFERENCES offices(id);
ALTER TABLE visit_results ADD COLUMN office_id BIGINT REFERENCES offices(id);
ALTER TABLE figure_imports ADD COLUMN office_id BIGINT REFERENCES offices(id);
ALTER TABLE audit_entries ADD COLUMN office_id BIGINT REFERENCES offices(id);
UPDATE users SET office_id = (SELECT id FROM offices WHERE code = '17.02');
UPDATE sites SET office_id = (SELECT id FROM offices WHERE code = '17.02');
UPDATE visits SET office_id = (SELECT id FROM offices WHERE code = '17.02');
UPDATE visit_results SET office_id = (SELECT id FROM offices WHERE code = '17.02');
UPDATE figure_imports SET office_id = (SELECT id FROM offices WHERE code = '17.02');
UPDATE audit_entries SET office_id = (SELECT id FROM offices WHERE code = '17.02');

-- Team names are unique within an office, no longer across the install.
-- only sqlite
CREATE TABLE teams_new (
    id             {{ID}},
    office_id      BIGINT REFERENCES offices(id),
    name           TEXT NOT NULL,
    leader_id      BIGINT REFERENCES users(id),
    daily_capacity INTEGER NOT NULL,
    notes          TEXT NOT NULL DEFAULT '',
    demo           BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     {{TIMESTAMP}} NOT NULL,
    updated_at     {{TIMESTAMP}} NOT NULL,
    UNIQUE (office_id, name)
);
INSERT INTO teams_new (id, office_id, name, leader_id, daily_capacity, notes, demo, created_at, updated_at)
SELECT id, (SELECT id FROM offices WHERE code = '17.02'), name, leader_id, daily_capacity, notes, demo, created_at, updated_at FROM teams;
DROP TABLE teams;
ALTER TABLE teams_new RENAME TO teams;
-- end
-- only postgres
ALTER TABLE teams ADD COLUMN office_id BIGINT REFERENCES offices(id);
UPDATE teams SET office_id = (SELECT id FROM offices WHERE code = '17.02');
ALTER TABLE teams DROP CONSTRAINT teams_name_key;
ALTER TABLE teams ADD CONSTRAINT teams_office_name UNIQUE (office_id, name);
-- end

CREATE INDEX users_office ON users(office_id);
CREATE INDEX sites_office ON sites(office_id, desa_code);
CREATE INDEX teams_office ON teams(office_id);
CREATE INDEX visits_office_day ON visits(office_id, day);
CREATE INDEX visit_results_office ON visit_results(office_id);
CREATE INDEX figure_imports_office ON figure_imports(office_id, imported_at);
CREATE INDEX audit_entries_office_at ON audit_entries(office_id, at);

-- A target is a share of recorded e-KTP (target_bp) or, when target_count is
-- above 0, an absolute number of IKD activations.
ALTER TABLE targets ADD COLUMN target_count BIGINT NOT NULL DEFAULT 0;

-- Imported desa polygons (GeoJSON geometry), drawn on the maps; without them
-- a desa is drawn as a dot at its centroid.
CREATE TABLE region_boundaries (
    code     TEXT PRIMARY KEY REFERENCES regions(code),
    geometry TEXT NOT NULL
);
