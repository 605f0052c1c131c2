-- Each import of official figures: when, by whom, from which file, for which date.
-- The figures themselves stay in population_figures, one row per desa and date.

CREATE TABLE figure_imports (
    id          {{ID}},
    as_of       TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    replaced    INTEGER NOT NULL DEFAULT 0,
    imported_by BIGINT REFERENCES users(id),
    username    TEXT NOT NULL,
    imported_at {{TIMESTAMP}} NOT NULL
);
CREATE INDEX figure_imports_at ON figure_imports(imported_at);
CREATE INDEX population_figures_as_of ON population_figures(as_of);
