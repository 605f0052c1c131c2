-- Results of visits, logged from the field tablets. client_id is the tablet's
-- UUID for the result: the idempotency key of the offline sync.

CREATE TABLE visit_results (
    id                      {{ID}},
    visit_id                BIGINT NOT NULL UNIQUE REFERENCES visits(id),
    client_id               TEXT NOT NULL UNIQUE,
    activations             BIGINT NOT NULL DEFAULT 0,
    people_served           BIGINT NOT NULL DEFAULT 0,
    ektp_recorded           BIGINT NOT NULL DEFAULT 0,
    out_of_area             BIGINT NOT NULL DEFAULT 0,
    fail_no_android         BIGINT NOT NULL DEFAULT 0,
    fail_no_signal          BIGINT NOT NULL DEFAULT 0,
    fail_no_email           BIGINT NOT NULL DEFAULT 0,
    fail_incompatible_phone BIGINT NOT NULL DEFAULT 0,
    fail_data_problem       BIGINT NOT NULL DEFAULT 0,
    fail_refused            BIGINT NOT NULL DEFAULT 0,
    fail_other              BIGINT NOT NULL DEFAULT 0,
    notes                   TEXT NOT NULL DEFAULT '',
    logged_by               BIGINT REFERENCES users(id),
    logged_at               {{TIMESTAMP}} NOT NULL,
    verification            TEXT NOT NULL DEFAULT 'belum',
    verified_by             BIGINT REFERENCES users(id),
    verified_at             {{TIMESTAMP}},
    verify_comment          TEXT NOT NULL DEFAULT '',
    updated_at              {{TIMESTAMP}} NOT NULL,
    CHECK (verification IN ('belum', 'diverifikasi', 'dikembalikan'))
);

-- Corrections keep the earlier values: who changed what, when and why.
CREATE TABLE visit_result_history (
    id          {{ID}},
    result_id   BIGINT NOT NULL REFERENCES visit_results(id),
    changed_by  BIGINT REFERENCES users(id),
    changed_at  {{TIMESTAMP}} NOT NULL,
    reason      TEXT NOT NULL,
    before_json TEXT NOT NULL,
    after_json  TEXT NOT NULL
);
CREATE INDEX visit_result_history_result ON visit_result_history(result_id);
