-- Letters get numbers from the office's pattern and a counter per office and
-- year; a visit's letter keeps its number, and a number is never given twice.
ALTER TABLE offices ADD COLUMN letter_pattern TEXT NOT NULL DEFAULT '470/{n}/Dukcapil/{yyyy}';

CREATE TABLE letter_counters (
    office_id BIGINT NOT NULL REFERENCES offices(id),
    year      INTEGER NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (office_id, year)
);

CREATE TABLE letters (
    id         {{ID}},
    office_id  BIGINT NOT NULL REFERENCES offices(id),
    visit_id   BIGINT NOT NULL REFERENCES visits(id),
    kind       TEXT NOT NULL CHECK (kind IN ('tugas', 'pemberitahuan')),
    year       INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    number     TEXT NOT NULL,
    issued_at  {{TIMESTAMP}} NOT NULL,
    UNIQUE (visit_id, kind),
    UNIQUE (office_id, year, seq)
);
