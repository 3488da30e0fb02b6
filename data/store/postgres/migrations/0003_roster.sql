-- 汇总: rosters and the units a stored combined report sums (PostgreSQL
-- dialect of data/store/sqlite's 0003).
CREATE TABLE roster_units (
	agency     text    NOT NULL,
	year       integer NOT NULL,
	position   integer NOT NULL,
	unit       text    NOT NULL,
	unit_type  text    NOT NULL CHECK (unit_type IN ('department', 'township', 'government')),
	unit_group text    NOT NULL DEFAULT '',
	PRIMARY KEY (agency, year, unit)
);
CREATE INDEX roster_order ON roster_units (agency, year, position);
CREATE INDEX roster_unit ON roster_units (unit, year);

CREATE TABLE combined_units (
	agency      text        NOT NULL,
	year        integer     NOT NULL,
	unit        text        NOT NULL,
	combined_at timestamptz NOT NULL,
	PRIMARY KEY (agency, year, unit)
);
