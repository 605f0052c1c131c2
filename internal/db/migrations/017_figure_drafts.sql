-- A checked figures file waits here between its preview and the click that
-- stores it (issue 17), so the preview survives a reload and works whichever
-- instance answers the click. Drafts older than a day are dropped.
CREATE TABLE figure_drafts (
    id          {{ID}},
    office_id   BIGINT NOT NULL REFERENCES offices(id),
    user_id     BIGINT NOT NULL REFERENCES users(id),
    as_of       TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    parsed_json TEXT NOT NULL,
    created_at  {{TIMESTAMP}} NOT NULL
);
CREATE INDEX figure_drafts_office ON figure_drafts(office_id, created_at);
