-- overleg schema, version 1: a team's documents, need-to-know by row-level security on team
-- membership, an audit trail that the workers cannot skip for writes, chair leases timed by
-- the database clock, and an aggregate view for managers without household content.
--
-- Run by `overleg db init` / `overleg db migrate` inside one transaction as overleg_owner
-- (the administrator's session does `SET LOCAL ROLE overleg_owner`), so every object belongs
-- to that role, which cannot log in. The app's users are members of overleg_worker and of
-- one role per team (overleg_team_<id>); they never own a table, so FORCE ROW LEVEL SECURITY
-- and the policies below decide what they see.

CREATE SCHEMA overleg;
REVOKE ALL ON SCHEMA overleg FROM PUBLIC;
GRANT USAGE ON SCHEMA overleg TO overleg_worker, overleg_manager, overleg_auditor;

CREATE TABLE overleg.schema_version (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by name NOT NULL DEFAULT session_user
);
GRANT SELECT ON overleg.schema_version TO overleg_worker, overleg_manager, overleg_auditor;

CREATE TABLE overleg.settings (
    key text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO overleg.settings VALUES ('audit_retention_days', '730');
GRANT SELECT ON overleg.settings TO overleg_auditor;

-- Which role gives access to which team. Holds no case data: readable by every app role, so
-- that the policies can look it up.
CREATE TABLE overleg.team_roles (
    team text PRIMARY KEY,
    role name NOT NULL UNIQUE
);
GRANT SELECT ON overleg.team_roles TO overleg_worker, overleg_manager, overleg_auditor;

-- The teams the current role may see: those whose role it is a member of.
CREATE FUNCTION overleg.visible_teams() RETURNS text[]
    LANGUAGE sql STABLE SECURITY INVOKER
    SET search_path = overleg, pg_temp
AS $$
    SELECT coalesce(array_agg(team), '{}')
    FROM overleg.team_roles
    WHERE pg_has_role(current_user, role, 'MEMBER')
$$;

-- Documents. `doc` is the domain value as JSON (`json`, kept as text: loading 50,000 cases
-- from a `jsonb` column measured twice as slow — the server converts jsonb back to text for
-- every row — and nothing here queries inside documents but the manager's overview and the
-- audit lookup), `fingerprint` the SHA-256 of its canonical
-- RON text (what a folder's file would hold): a write names the fingerprint it last saw and
-- is refused when the row changed meanwhile. `version` counts the changes.
CREATE TABLE overleg.municipality (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    doc json NOT NULL,
    fingerprint bytea NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    changed_by name NOT NULL DEFAULT session_user,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE overleg.teams (
    team text PRIMARY KEY REFERENCES overleg.team_roles (team),
    folder text NOT NULL,
    doc json NOT NULL,
    fingerprint bytea NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    changed_by name NOT NULL DEFAULT session_user,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE overleg.cases (
    team text NOT NULL REFERENCES overleg.team_roles (team),
    code text NOT NULL,
    doc json NOT NULL,
    fingerprint bytea NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    changed_by name NOT NULL DEFAULT session_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team, code)
);
CREATE UNIQUE INDEX cases_code ON overleg.cases (code);

CREATE TABLE overleg.meetings (
    team text NOT NULL REFERENCES overleg.team_roles (team),
    date date NOT NULL,
    doc json NOT NULL,
    fingerprint bytea NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    changed_by name NOT NULL DEFAULT session_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team, date)
);

-- Minutes written at a close (derived, replaced by the next close of that meeting).
CREATE TABLE overleg.minutes (
    team text NOT NULL REFERENCES overleg.team_roles (team),
    name text NOT NULL,
    body bytea NOT NULL,
    fingerprint bytea NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    changed_by name NOT NULL DEFAULT session_user,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team, name)
);

-- The app's version of a document whose write was refused as stale: the database's
-- counterpart of a folder's `<file>.conflict`. Kept until someone resolves it.
CREATE TABLE overleg.conflicts (
    id bigserial PRIMARY KEY,
    team text NOT NULL REFERENCES overleg.team_roles (team),
    document text NOT NULL,
    body bytea NOT NULL,
    created_by name NOT NULL DEFAULT session_user,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The chair's lease: one writer per team, timed by the database clock.
CREATE TABLE overleg.leases (
    team text NOT NULL REFERENCES overleg.team_roles (team),
    scope text NOT NULL,
    holder name NOT NULL DEFAULT session_user,
    token text NOT NULL,
    machine text NOT NULL,
    taken_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (team, scope)
);

-- Who saw or changed what. Workers cannot read, change or delete it; writes are recorded by
-- a trigger, reads by the store through overleg.note_reads.
CREATE TABLE overleg.audit (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    who name NOT NULL,
    action text NOT NULL CHECK (action IN ('lezen', 'aanmaken', 'wijzigen', 'verwijderen')),
    team text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('team', 'zaak', 'overleg', 'notulen', 'gemeente')),
    key text NOT NULL
);
CREATE INDEX audit_document ON overleg.audit (kind, key, at);
CREATE INDEX audit_at ON overleg.audit (at);
GRANT SELECT ON overleg.audit TO overleg_auditor;

-- Row-level security on every table that holds team data.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['teams', 'cases', 'meetings', 'minutes', 'conflicts', 'leases'] LOOP
        EXECUTE format('ALTER TABLE overleg.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE overleg.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY team_members ON overleg.%I TO overleg_worker '
            'USING (team = ANY ((SELECT overleg.visible_teams())::text[])) '
            'WITH CHECK (team = ANY ((SELECT overleg.visible_teams())::text[]))', t);
        -- The owner (never a login) sees everything: for the aggregate view and the
        -- security-definer functions below.
        EXECUTE format('CREATE POLICY owner_all ON overleg.%I TO overleg_owner '
                       'USING (true) WITH CHECK (true)', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON overleg.%I TO overleg_worker', t);
    END LOOP;
END $$;
GRANT DELETE ON overleg.meetings, overleg.leases, overleg.conflicts TO overleg_worker;
GRANT USAGE ON SEQUENCE overleg.conflicts_id_seq TO overleg_worker;
ALTER TABLE overleg.audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE overleg.audit FORCE ROW LEVEL SECURITY;
CREATE POLICY auditors ON overleg.audit TO overleg_auditor USING (true);
CREATE POLICY owner_all ON overleg.audit TO overleg_owner USING (true) WITH CHECK (true);
-- The municipality's name and settings: readable by every worker, written by the importer.
ALTER TABLE overleg.municipality ENABLE ROW LEVEL SECURITY;
ALTER TABLE overleg.municipality FORCE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON overleg.municipality FOR SELECT TO overleg_worker USING (true);
CREATE POLICY owner_all ON overleg.municipality TO overleg_owner USING (true) WITH CHECK (true);
GRANT SELECT ON overleg.municipality TO overleg_worker;

-- Every write of a document, recorded with the login that made it.
CREATE FUNCTION overleg.audit_write() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = overleg, pg_temp
AS $$
DECLARE
    r jsonb;
    what text;
BEGIN
    IF TG_OP = 'DELETE' THEN r := to_jsonb(OLD); ELSE r := to_jsonb(NEW); END IF;
    what := CASE TG_OP WHEN 'INSERT' THEN 'aanmaken' WHEN 'UPDATE' THEN 'wijzigen'
                       ELSE 'verwijderen' END;
    INSERT INTO overleg.audit (who, action, team, kind, key)
    VALUES (session_user, what, r->>'team', TG_ARGV[0],
            coalesce(r->>'code', r->>'date', r->>'name', r->>'team'));
    RETURN NULL;
END $$;
CREATE TRIGGER audit_write AFTER INSERT OR UPDATE OR DELETE ON overleg.cases
    FOR EACH ROW EXECUTE FUNCTION overleg.audit_write('zaak');
CREATE TRIGGER audit_write AFTER INSERT OR UPDATE OR DELETE ON overleg.meetings
    FOR EACH ROW EXECUTE FUNCTION overleg.audit_write('overleg');
CREATE TRIGGER audit_write AFTER INSERT OR UPDATE OR DELETE ON overleg.teams
    FOR EACH ROW EXECUTE FUNCTION overleg.audit_write('team');
CREATE TRIGGER audit_write AFTER INSERT OR UPDATE OR DELETE ON overleg.minutes
    FOR EACH ROW EXECUTE FUNCTION overleg.audit_write('notulen');

-- The store records what it read: one row per case or meeting the caller can see (a key
-- the caller cannot see is not recorded, so nobody can write someone else's trail).
CREATE FUNCTION overleg.note_reads(p_kind text, p_teams text[], p_keys text[]) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER
    SET search_path = overleg, pg_temp
AS $$
    WITH mine AS (
        SELECT t.team FROM overleg.team_roles t WHERE pg_has_role(session_user, t.role, 'MEMBER')
    ), noted AS (
        INSERT INTO overleg.audit (who, action, team, kind, key)
        SELECT session_user, 'lezen', r.team, p_kind, r.key
        FROM unnest(p_teams, p_keys) AS r (team, key)
        WHERE r.team IN (SELECT team FROM mine) AND p_kind IN ('zaak', 'overleg')
        RETURNING 1
    )
    SELECT count(*) FROM noted
$$;
REVOKE ALL ON FUNCTION overleg.note_reads(text, text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION overleg.note_reads(text, text[], text[]) TO overleg_worker;

-- Case codes are unique in the municipality: a new aanmelding needs every code in use, also
-- of teams the caller cannot see. Codes only (YYYY-NNNN), never content.
CREATE FUNCTION overleg.case_codes() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = overleg, pg_temp
AS $$ SELECT code FROM overleg.cases $$;
REVOKE ALL ON FUNCTION overleg.case_codes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION overleg.case_codes() TO overleg_worker;

-- The manager's cross-team overview: counts per team and per status, and the waiting list's
-- length and age. No code, pseudonym or other household content.
CREATE VIEW overleg.caseload_overview AS
SELECT t.team,
       t.doc->>'name' AS team_name,
       count(c.code) AS households,
       count(c.code) FILTER (WHERE c.doc->>'status' = 'Aanmelding') AS aanmelding,
       count(c.code) FILTER (WHERE c.doc->>'status' = 'Onderzoek') AS onderzoek,
       count(c.code) FILTER (WHERE c.doc->>'status' = 'Plan') AS plan,
       count(c.code) FILTER (WHERE c.doc->>'status' = 'Uitvoering') AS uitvoering,
       count(c.code) FILTER (WHERE c.doc->>'status' = 'Evaluatie') AS evaluatie,
       count(c.code) FILTER (WHERE c.doc->>'status' = 'Afgesloten') AS afgesloten,
       count(c.code) FILTER (WHERE c.doc->>'status' <> 'Afgesloten'
                               AND coalesce(c.doc->>'regisseur', 'null') = 'null')
           AS without_regisseur,
       max(current_date - (c.doc->>'registered')::date)
           FILTER (WHERE c.doc->>'status' = 'Aanmelding') AS oldest_waiting_days
FROM overleg.teams t
LEFT JOIN overleg.cases c ON c.team = t.team
GROUP BY t.team, t.doc->>'name';
GRANT SELECT ON overleg.caseload_overview TO overleg_manager;

-- "Who saw or changed this household, when": the case's own rows, and the reads and writes
-- of every meeting of its team that has it on the agenda. For auditors only.
CREATE FUNCTION overleg.audit_of_case(p_code text)
    RETURNS TABLE (at timestamptz, who name, action text, team text, kind text, key text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = overleg, pg_temp
AS $$
    SELECT a.at, a.who, a.action, a.team, a.kind, a.key
    FROM overleg.audit a
    WHERE a.kind = 'zaak' AND a.key = p_code
    UNION ALL
    SELECT a.at, a.who, a.action, a.team, a.kind, a.key
    FROM overleg.audit a
    JOIN overleg.meetings m ON a.kind = 'overleg' AND m.team = a.team AND a.key = m.date::text
    WHERE m.doc::text LIKE '%"' || p_code || '"%'
    ORDER BY 1, 2
$$;
REVOKE ALL ON FUNCTION overleg.audit_of_case(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION overleg.audit_of_case(text) TO overleg_auditor;

-- The audit trail's own retention: entries older than `audit_retention_days` go.
CREATE FUNCTION overleg.prune_audit() RETURNS bigint
    LANGUAGE sql SECURITY DEFINER
    SET search_path = overleg, pg_temp
AS $$
    WITH gone AS (
        DELETE FROM overleg.audit
        WHERE at < now() - make_interval(days => (
            SELECT value::int FROM overleg.settings WHERE key = 'audit_retention_days'))
        RETURNING 1
    )
    SELECT count(*) FROM gone
$$;
REVOKE ALL ON FUNCTION overleg.prune_audit() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION overleg.prune_audit() TO overleg_auditor;
