-- The application register (依申请公开台账): one row per application of an
-- agency, under its register number. The application itself is JSON
-- (data/register's Application); the receipt and end dates are columns too,
-- for the year's lists. Personal fields live only in data, so erasing them
-- rewrites data and keeps every column that counts.
CREATE TABLE register_applications (
	id         INTEGER PRIMARY KEY,
	agency     TEXT    NOT NULL,
	number     TEXT    NOT NULL,
	received   TEXT    NOT NULL, -- YYYY-MM-DD
	answered   TEXT    NOT NULL DEFAULT '', -- YYYY-MM-DD, '' while open
	data       TEXT    NOT NULL,
	updated_at TEXT    NOT NULL,
	UNIQUE (agency, number)
);
CREATE INDEX register_applications_received ON register_applications (agency, received);

-- Calendar texts the user added: a new year's holiday notice, local days off.
CREATE TABLE register_calendar (
	name     TEXT PRIMARY KEY,
	text     TEXT NOT NULL,
	added_at TEXT NOT NULL
) WITHOUT ROWID;

-- Years whose report is published: filling part 三 refuses them unless told.
CREATE TABLE register_locks (
	agency    TEXT    NOT NULL,
	year      INTEGER NOT NULL,
	locked_at TEXT    NOT NULL,
	PRIMARY KEY (agency, year)
) WITHOUT ROWID;
