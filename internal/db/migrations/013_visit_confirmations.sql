-- A visit's confirmation by the site's contact (school principal, OPD
-- secretary, kepala desa) through an unguessable link; internal/confirm.
-- confirmed_for is the visit's start the answer was given for: a visit moved
-- since waits for a new answer. site_id is the site the link was made for: a
-- visit moved to another site gets a new link, and the old one stops working.
CREATE TABLE visit_confirmations (
    visit_id      BIGINT PRIMARY KEY REFERENCES visits(id),
    office_id     BIGINT NOT NULL REFERENCES offices(id),
    site_id       BIGINT NOT NULL REFERENCES sites(id),
    token         TEXT NOT NULL UNIQUE,
    status        TEXT NOT NULL DEFAULT 'menunggu' CHECK (status IN ('menunggu', 'dikonfirmasi', 'minta_ganti')),
    note          TEXT NOT NULL DEFAULT '',
    confirmed_for {{TIMESTAMP}},
    answered_at   {{TIMESTAMP}},
    created_at    {{TIMESTAMP}} NOT NULL
);
CREATE INDEX visit_confirmations_office ON visit_confirmations(office_id);
