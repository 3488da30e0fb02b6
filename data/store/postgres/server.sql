-- The server's side of who may do what (nianbao server init), run by the
-- owner of the tables after the migrations; every statement may run again.
-- :group is the role every unit's and office's login is a member of.

-- Every login made by nianbao server add-unit: the agency whose reports it
-- keeps, and whether it is the 政务公开办's (which reads every unit's).
CREATE TABLE IF NOT EXISTS logins (
	login      text        PRIMARY KEY,
	agency     text        NOT NULL,
	office     boolean     NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL DEFAULT now()
);

GRANT USAGE ON SCHEMA public TO :group;
GRANT SELECT ON schema_version, logins TO :group;
GRANT SELECT, INSERT, UPDATE, DELETE ON reports, invalid_cells, roster_units, combined_units, former_names, settings TO :group;
-- DELETE on versions only for pruning the window's own (see the policy prune).
GRANT SELECT, INSERT, UPDATE, DELETE ON versions TO :group;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :group;

-- Row-level security: the rows of a login's own agency, and for the
-- 政务公开办's login reading every unit's. The owner of the tables (the
-- administrator) is not limited.
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE invalid_cells ENABLE ROW LEVEL SECURITY;
ALTER TABLE former_names ENABLE ROW LEVEL SECURITY;
ALTER TABLE roster_units ENABLE ROW LEVEL SECURITY;
ALTER TABLE combined_units ENABLE ROW LEVEL SECURITY;
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS read ON reports;
DROP POLICY IF EXISTS add ON reports;
DROP POLICY IF EXISTS change ON reports;
DROP POLICY IF EXISTS remove ON reports;
CREATE POLICY read ON reports FOR SELECT TO :group USING (
	agency = (SELECT l.agency FROM logins l WHERE l.login = current_user)
	OR (SELECT l.office FROM logins l WHERE l.login = current_user));
CREATE POLICY add ON reports FOR INSERT TO :group
	WITH CHECK (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user));
CREATE POLICY change ON reports FOR UPDATE TO :group
	USING (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user))
	WITH CHECK (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user));
CREATE POLICY remove ON reports FOR DELETE TO :group
	USING (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user));

DROP POLICY IF EXISTS read ON versions;
DROP POLICY IF EXISTS add ON versions;
DROP POLICY IF EXISTS change ON versions;
CREATE POLICY read ON versions FOR SELECT TO :group USING (
	agency = (SELECT l.agency FROM logins l WHERE l.login = current_user)
	OR (SELECT l.office FROM logins l WHERE l.login = current_user));
CREATE POLICY add ON versions FOR INSERT TO :group
	WITH CHECK (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user));
CREATE POLICY change ON versions FOR UPDATE TO :group
	USING (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user))
	WITH CHECK (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user));
-- A save prunes the versions the window kept on its own (auto saves, saves
-- at closing) of its own agency; what the user made, another's save replaced
-- or a deletion left is never deleted, whatever a login sends.
DROP POLICY IF EXISTS prune ON versions;
CREATE POLICY prune ON versions FOR DELETE TO :group USING (
	agency = (SELECT l.agency FROM logins l WHERE l.login = current_user)
	AND kind IN ('auto', 'close') AND replaced_by NOT IN ('conflict', 'delete'));

-- Rows that belong to a report: seen with the report, written with the login's own.
DROP POLICY IF EXISTS read ON invalid_cells;
DROP POLICY IF EXISTS write ON invalid_cells;
CREATE POLICY read ON invalid_cells FOR SELECT TO :group
	USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
CREATE POLICY write ON invalid_cells FOR ALL TO :group
	USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id
		AND r.agency = (SELECT l.agency FROM logins l WHERE l.login = current_user)))
	WITH CHECK (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id
		AND r.agency = (SELECT l.agency FROM logins l WHERE l.login = current_user)));

DROP POLICY IF EXISTS read ON former_names;
DROP POLICY IF EXISTS write ON former_names;
CREATE POLICY read ON former_names FOR SELECT TO :group
	USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
CREATE POLICY write ON former_names FOR ALL TO :group
	USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id
		AND r.agency = (SELECT l.agency FROM logins l WHERE l.login = current_user)))
	WITH CHECK (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id
		AND r.agency = (SELECT l.agency FROM logins l WHERE l.login = current_user)));

-- The roster is the office's: a unit sees the rosters that list it.
DROP POLICY IF EXISTS read ON roster_units;
DROP POLICY IF EXISTS write ON roster_units;
CREATE POLICY read ON roster_units FOR SELECT TO :group USING (
	agency = (SELECT l.agency FROM logins l WHERE l.login = current_user)
	OR unit = (SELECT l.agency FROM logins l WHERE l.login = current_user)
	OR (SELECT l.office FROM logins l WHERE l.login = current_user));
CREATE POLICY write ON roster_units FOR ALL TO :group
	USING (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user AND l.office))
	WITH CHECK (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user AND l.office));

DROP POLICY IF EXISTS read ON combined_units;
DROP POLICY IF EXISTS write ON combined_units;
CREATE POLICY read ON combined_units FOR SELECT TO :group USING (
	agency = (SELECT l.agency FROM logins l WHERE l.login = current_user)
	OR unit = (SELECT l.agency FROM logins l WHERE l.login = current_user)
	OR (SELECT l.office FROM logins l WHERE l.login = current_user));
CREATE POLICY write ON combined_units FOR ALL TO :group
	USING (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user))
	WITH CHECK (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user));

-- Each login's own settings, and the database's (login '') to read.
DROP POLICY IF EXISTS read ON settings;
DROP POLICY IF EXISTS write ON settings;
CREATE POLICY read ON settings FOR SELECT TO :group USING (login = current_user OR login = '');
CREATE POLICY write ON settings FOR ALL TO :group
	USING (login = current_user) WITH CHECK (login = current_user);

-- The application register (依申请公开台账): each agency's own, read and
-- written by its login only (a register holds applicants' names and ID
-- numbers: the 政务公开办 does not read the units'). The calendar additions
-- (holiday notices) are the county's: every login reads and adds them.
GRANT SELECT, INSERT, UPDATE, DELETE ON register_applications, register_locks, register_calendar TO :group;
ALTER TABLE register_applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE register_locks ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS own ON register_applications;
CREATE POLICY own ON register_applications FOR ALL TO :group
	USING (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user))
	WITH CHECK (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user));
DROP POLICY IF EXISTS own ON register_locks;
CREATE POLICY own ON register_locks FOR ALL TO :group
	USING (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user))
	WITH CHECK (agency = (SELECT l.agency FROM logins l WHERE l.login = current_user));
