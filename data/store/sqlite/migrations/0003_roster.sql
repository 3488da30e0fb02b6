-- 汇总 (combining units' reports): each combining agency's roster per year, and
-- which units a stored combined report sums.

-- The roster (名单) of a combining agency (the government whose 政务公开办 collects
-- its units' reports) for one year, in the office's order.
CREATE TABLE roster_units (
	agency     TEXT    NOT NULL,
	year       INTEGER NOT NULL,
	position   INTEGER NOT NULL,
	unit       TEXT    NOT NULL,
	unit_type  TEXT    NOT NULL CHECK (unit_type IN ('department', 'township', 'government')),
	unit_group TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (agency, year, unit)
) WITHOUT ROWID;
CREATE INDEX roster_order ON roster_units (agency, year, position);

-- For a report of (agency, year) stored as the sum of units: every unit the sum
-- counts, including those inside the sums of combined units. The report file
-- format is strict and has no room for this, so it lives here; combining reads
-- it so that a county's combined report in a city's sum never counts one of the
-- county's units twice.
CREATE TABLE combined_units (
	agency      TEXT    NOT NULL,
	year        INTEGER NOT NULL,
	unit        TEXT    NOT NULL,
	combined_at TEXT    NOT NULL,
	PRIMARY KEY (agency, year, unit)
) WITHOUT ROWID;
