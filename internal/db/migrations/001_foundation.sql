-- Foundation: settings, accounts, sessions, regions and figures, sites, teams, audit.
-- {{ID}} and {{TIMESTAMP}} are replaced per dialect (see migrate.go).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id            {{ID}},
    username      TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    demo          BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    {{TIMESTAMP}} NOT NULL,
    updated_at    {{TIMESTAMP}} NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at {{TIMESTAMP}} NOT NULL,
    expires_at {{TIMESTAMP}} NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
    id        {{ID}},
    username  TEXT NOT NULL,
    remote_ip TEXT NOT NULL,
    at        {{TIMESTAMP}} NOT NULL
);
CREATE INDEX login_failures_username_at ON login_failures(username, at);

CREATE TABLE regions (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    level       TEXT NOT NULL,
    parent_code TEXT REFERENCES regions(code),
    kind        TEXT NOT NULL DEFAULT '',
    lat         DOUBLE PRECISION NOT NULL DEFAULT 0,
    lng         DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX regions_parent ON regions(parent_code);

-- Official population figures per desa, dated; coverage uses the newest.
CREATE TABLE population_figures (
    id            {{ID}},
    desa_code     TEXT NOT NULL REFERENCES regions(code),
    as_of         TEXT NOT NULL,
    wajib_ktp     BIGINT NOT NULL,
    ektp_recorded BIGINT NOT NULL,
    ikd_activated BIGINT NOT NULL,
    source        TEXT NOT NULL,
    created_at    {{TIMESTAMP}} NOT NULL,
    UNIQUE (desa_code, as_of)
);

CREATE TABLE targets (
    region_code TEXT NOT NULL REFERENCES regions(code),
    year        INTEGER NOT NULL,
    target_bp   INTEGER NOT NULL,
    PRIMARY KEY (region_code, year)
);

CREATE TABLE sites (
    id         {{ID}},
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    desa_code  TEXT NOT NULL REFERENCES regions(code),
    address    TEXT NOT NULL DEFAULT '',
    lat        DOUBLE PRECISION,
    lng        DOUBLE PRECISION,
    contact    TEXT NOT NULL DEFAULT '',
    eligible   BIGINT NOT NULL DEFAULT 0,
    notes      TEXT NOT NULL DEFAULT '',
    demo       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at {{TIMESTAMP}} NOT NULL,
    updated_at {{TIMESTAMP}} NOT NULL
);
CREATE INDEX sites_desa ON sites(desa_code);
CREATE INDEX sites_kind ON sites(kind);

CREATE TABLE teams (
    id             {{ID}},
    name           TEXT NOT NULL UNIQUE,
    leader_id      BIGINT REFERENCES users(id),
    daily_capacity INTEGER NOT NULL,
    notes          TEXT NOT NULL DEFAULT '',
    demo           BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     {{TIMESTAMP}} NOT NULL,
    updated_at     {{TIMESTAMP}} NOT NULL
);

CREATE TABLE team_members (
    team_id BIGINT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members(user_id);

CREATE TABLE audit_entries (
    id        {{ID}},
    at        {{TIMESTAMP}} NOT NULL,
    user_id   BIGINT,
    username  TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT NOT NULL DEFAULT '',
    after_json  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entries_at ON audit_entries(at);
CREATE INDEX audit_entries_entity ON audit_entries(entity, entity_id);
