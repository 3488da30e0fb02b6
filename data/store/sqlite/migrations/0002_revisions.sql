-- 年报 database, schema version 2: revisions of reports, and cell texts that are not figures.

-- revision counts the saves that changed a report's content. An editor says
-- which revision it edits; a save over a revision it has not seen (another
-- window or program saved meanwhile) keeps the other content as a version.
ALTER TABLE reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

-- What the user typed into a cell of the editor that is not a figure (12345678,
-- 1e3): the report holds the figure the cell had before, never a prefix of the
-- text; the text stays here, so that the cell is still red after a restart.
-- cell is the editor's key of the cell. Rows go with their report.
CREATE TABLE invalid_cells (
	report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	cell      TEXT    NOT NULL,
	text      TEXT    NOT NULL,
	PRIMARY KEY (report_id, cell)
) WITHOUT ROWID;
