-- Loket: the office desk, the MPP and the kantor kecamatan where residents
-- activate IKD without a field visit. Each service point keeps one tally a
-- day; its activations count for the desa where the point stands, like a
-- field result at a site there. Corrections keep the earlier values.

CREATE TABLE service_points (
    id         {{ID}},
    office_id  BIGINT NOT NULL REFERENCES offices(id),
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    desa_code  TEXT NOT NULL REFERENCES regions(code),
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at {{TIMESTAMP}} NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL,
    UNIQUE (office_id, name),
    CHECK (kind IN ('kantor', 'mpp', 'kecamatan'))
);

CREATE TABLE desk_tallies (
    id                      {{ID}},
    office_id               BIGINT NOT NULL REFERENCES offices(id),
    point_id                BIGINT NOT NULL REFERENCES service_points(id),
    day                     TEXT NOT NULL,
    activations             BIGINT NOT NULL DEFAULT 0,
    people_served           BIGINT NOT NULL DEFAULT 0,
    ektp_recorded           BIGINT NOT NULL DEFAULT 0,
    out_of_area             BIGINT NOT NULL DEFAULT 0,
    for_service             BIGINT NOT NULL DEFAULT 0,
    fail_no_android         BIGINT NOT NULL DEFAULT 0,
    fail_no_signal          BIGINT NOT NULL DEFAULT 0,
    fail_no_email           BIGINT NOT NULL DEFAULT 0,
    fail_incompatible_phone BIGINT NOT NULL DEFAULT 0,
    fail_data_problem       BIGINT NOT NULL DEFAULT 0,
    fail_refused            BIGINT NOT NULL DEFAULT 0,
    fail_other              BIGINT NOT NULL DEFAULT 0,
    notes                   TEXT NOT NULL DEFAULT '',
    logged_by               BIGINT REFERENCES users(id),
    updated_at              {{TIMESTAMP}} NOT NULL,
    UNIQUE (point_id, day)
);
CREATE INDEX desk_tallies_office_day ON desk_tallies(office_id, day);

CREATE TABLE desk_tally_history (
    id          {{ID}},
    tally_id    BIGINT NOT NULL REFERENCES desk_tallies(id),
    changed_by  BIGINT REFERENCES users(id),
    changed_at  {{TIMESTAMP}} NOT NULL,
    reason      TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json  TEXT NOT NULL
);
CREATE INDEX desk_tally_history_tally ON desk_tally_history(tally_id);
