-- 曾用名: the name an agency reported under the year before, when it was renamed
-- (洪泽区人民政府 → 淮安市洪泽区人民政府). Previous follows it, so that the
-- cross-year checks compare with the report of the former name.
-- Keyed by the report's id, so that renaming a report keeps it and restoring a
-- deleted report (under its old id) brings it back; ids are never reused.
CREATE TABLE former_names (
	report_id INTEGER PRIMARY KEY,
	former    TEXT    NOT NULL
) WITHOUT ROWID;
CREATE INDEX former_names_former ON former_names (former);
