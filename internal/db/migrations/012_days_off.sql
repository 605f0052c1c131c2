-- Days off an office keeps itself (the libur nasional and cuti bersama are
-- built into the binary): local holidays, added cuti bersama, school holidays
-- and built-in days the office works anyway. first_day..last_day are the
-- office's local dates (YYYY-MM-DD), both included.
CREATE TABLE days_off (
    id         {{ID}},
    office_id  BIGINT NOT NULL REFERENCES offices(id),
    kind       TEXT NOT NULL CHECK (kind IN ('cuti', 'lokal', 'sekolah', 'masuk')),
    first_day  TEXT NOT NULL,
    last_day   TEXT NOT NULL,
    name       TEXT NOT NULL,
    created_at {{TIMESTAMP}} NOT NULL,
    CHECK (first_day <= last_day)
);
CREATE INDEX days_off_office ON days_off(office_id, first_day);

-- The dates typed into Pengaturan before: one local day off each.
-- only sqlite
WITH RECURSIVE split(office_id, day, rest) AS (
    SELECT id, '', holidays || ',' FROM offices WHERE holidays <> ''
    UNION ALL
    SELECT office_id, substr(rest, 1, instr(rest, ',') - 1), substr(rest, instr(rest, ',') + 1) FROM split WHERE rest <> ''
)
INSERT INTO days_off (office_id, kind, first_day, last_day, name, created_at)
SELECT office_id, 'lokal', day, day, 'Hari libur kantor', CURRENT_TIMESTAMP FROM split WHERE day <> '';
-- only postgres
INSERT INTO days_off (office_id, kind, first_day, last_day, name, created_at)
SELECT id, 'lokal', day, day, 'Hari libur kantor', now()
FROM offices, unnest(string_to_array(holidays, ',')) AS day WHERE holidays <> '';
-- end

ALTER TABLE offices DROP COLUMN holidays;
