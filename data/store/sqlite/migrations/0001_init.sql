-- 年报 database, schema version 1.
-- Times are UTC text, "2006-01-02T15:04:05.000000Z", so that they sort as text.

-- Marks the file as a 年报 database ("NBDB"), so that Open refuses another program's SQLite file.
PRAGMA application_id = 1312965698;

-- The current report of each agency and year. content is the canonical JSON of
-- the report (report.Marshal); the other columns serve the list and are derived from it.
-- AUTOINCREMENT: the id of a deleted report is never given to another, because
-- versions keep it.
CREATE TABLE reports (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	agency   TEXT    NOT NULL,
	year     INTEGER NOT NULL,
	saved_at TEXT    NOT NULL,
	kind     TEXT    NOT NULL, -- the kind of save that wrote content
	errors   INTEGER NOT NULL DEFAULT 0,
	warnings INTEGER NOT NULL DEFAULT 0,
	content  TEXT    NOT NULL  -- last, so that listing never reads it
);
CREATE UNIQUE INDEX reports_key ON reports (agency, year DESC);
-- Covers the list, so that listing reads neither the table nor the contents.
CREATE INDEX reports_list ON reports (agency, year DESC, id, saved_at, errors, warnings);

-- Every content a report had before it was replaced or deleted. Nothing here is
-- ever deleted. agency, year, saved_at, kind, errors and warnings are those of the
-- content when it was current; replaced_at and replaced_by say when and by which
-- kind of save it stopped being current. report_id is the report it belonged to,
-- which may since have been deleted (hence no foreign key).
CREATE TABLE versions (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	report_id   INTEGER NOT NULL,
	agency      TEXT    NOT NULL,
	year        INTEGER NOT NULL,
	saved_at    TEXT    NOT NULL,
	kind        TEXT    NOT NULL,
	errors      INTEGER NOT NULL DEFAULT 0,
	warnings    INTEGER NOT NULL DEFAULT 0,
	replaced_at TEXT    NOT NULL,
	replaced_by TEXT    NOT NULL,
	content     TEXT    NOT NULL
);
CREATE INDEX versions_key ON versions (agency, year, saved_at DESC, id DESC);
CREATE INDEX versions_report ON versions (report_id, id DESC);

-- The program's settings, such as the last folder used.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
