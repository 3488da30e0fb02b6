-- 曾用名, keyed by the report's id (PostgreSQL dialect of data/store/sqlite's 0004).
CREATE TABLE former_names (
	report_id bigint PRIMARY KEY,
	former    text   NOT NULL
);
CREATE INDEX former_names_former ON former_names (former);
