-- 年报 database, schema version 2: revisions of reports, and cell texts that
-- are not figures (PostgreSQL dialect of data/store/sqlite's 0002).
ALTER TABLE reports ADD COLUMN revision bigint NOT NULL DEFAULT 1;

CREATE TABLE invalid_cells (
	report_id bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	cell      text   NOT NULL,
	text      text   NOT NULL,
	PRIMARY KEY (report_id, cell)
);
