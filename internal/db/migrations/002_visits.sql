-- Visits: a team at a site on a day, in a time window; results come in a later migration.
-- day is the office's local date (YYYY-MM-DD); start_at and end_at are UTC instants.

CREATE TABLE visits (
    id                   {{ID}},
    site_id              BIGINT NOT NULL REFERENCES sites(id),
    team_id              BIGINT NOT NULL REFERENCES teams(id),
    day                  TEXT NOT NULL,
    start_at             {{TIMESTAMP}} NOT NULL,
    end_at               {{TIMESTAMP}} NOT NULL,
    expected_activations BIGINT NOT NULL DEFAULT 0,
    notes                TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL DEFAULT 'direncanakan',
    cancel_reason        TEXT NOT NULL DEFAULT '',
    created_by           BIGINT REFERENCES users(id),
    created_at           {{TIMESTAMP}} NOT NULL,
    updated_at           {{TIMESTAMP}} NOT NULL,
    CHECK (status IN ('direncanakan', 'berlangsung', 'selesai', 'dibatalkan')),
    CHECK (end_at > start_at)
);
CREATE INDEX visits_team_start ON visits(team_id, start_at);
CREATE INDEX visits_site_day ON visits(site_id, day);
CREATE INDEX visits_day ON visits(day);
