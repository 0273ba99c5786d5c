-- Row-level security: the second wall behind the data layer's own tenant checks (README, "Row-level security").
-- The app's queries run as the role sellthru_app (neither owner of the tables nor BYPASSRLS); each request
-- sets, transaction-locally, who is asking: sellthru.role, sellthru.distributor_id, sellthru.user_id.
-- Roles are cluster-wide: create it once, tolerate another database (or a concurrent migration) having done so.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sellthru_app') THEN
    BEGIN
      CREATE ROLE sellthru_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END IF;
  -- The migrating user connects the app too and switches to sellthru_app: it must be a member.
  IF NOT pg_has_role(current_user, 'sellthru_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT sellthru_app TO %I', current_user);
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'sellthru: % cannot be granted sellthru_app; run GRANT sellthru_app TO % as a superuser', current_user, current_user;
    END;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO sellthru_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sellthru_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sellthru_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sellthru_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sellthru_app;
--> statement-breakpoint
-- Who is asking. A missing or unknown setting is nobody: no tenant rows (fail closed).
CREATE OR REPLACE FUNCTION sellthru_is_staff() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('sellthru.role', true), '') IN ('channel_manager', 'rebate_analyst', 'admin', 'system')
$$;
--> statement-breakpoint
-- Sign-in and viewer resolution run before there is a viewer: they may read users, distributors and tokens.
CREATE OR REPLACE FUNCTION sellthru_is_auth() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('sellthru.role', true), '') = 'auth'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sellthru_tenant() RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_setting('sellthru.role', true) = 'distributor'
    THEN nullif(current_setting('sellthru.distributor_id', true), '')::integer END
$$;
--> statement-breakpoint
ALTER TABLE submissions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY submissions_tenant ON submissions USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE submission_drafts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY submission_drafts_tenant ON submission_drafts USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE uploads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY uploads_tenant ON uploads USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE pos_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY pos_lines_tenant ON pos_lines USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE movements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY movements_tenant ON movements USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE ledger_balances ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY ledger_balances_tenant ON ledger_balances USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE exceptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY exceptions_tenant ON exceptions USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE part_xrefs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY part_xrefs_tenant ON part_xrefs USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE column_mappings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY column_mappings_tenant ON column_mappings USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE rebate_results ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rebate_results_tenant ON rebate_results USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY outbox_tenant ON outbox USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
-- Child tables: "parent id IN (the tenant's parents)" rather than a correlated EXISTS: in the OR it
-- becomes one hashed subplan per query (the distributor's few parent ids), not a probe per row.
ALTER TABLE submission_revisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY submission_revisions_tenant ON submission_revisions USING ((SELECT sellthru_is_staff()) OR submission_id IN (SELECT s.id FROM submissions s WHERE s.distributor_id = (SELECT sellthru_tenant()))) WITH CHECK ((SELECT sellthru_is_staff()) OR submission_id IN (SELECT s.id FROM submissions s WHERE s.distributor_id = (SELECT sellthru_tenant())));
--> statement-breakpoint
ALTER TABLE submission_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY submission_lines_tenant ON submission_lines USING ((SELECT sellthru_is_staff()) OR revision_id IN (SELECT r.id FROM submission_revisions r JOIN submissions s ON s.id = r.submission_id WHERE s.distributor_id = (SELECT sellthru_tenant()))) WITH CHECK ((SELECT sellthru_is_staff()) OR revision_id IN (SELECT r.id FROM submission_revisions r JOIN submissions s ON s.id = r.submission_id WHERE s.distributor_id = (SELECT sellthru_tenant())));
--> statement-breakpoint
ALTER TABLE exception_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY exception_events_tenant ON exception_events USING ((SELECT sellthru_is_staff()) OR exception_id IN (SELECT e.id FROM exceptions e WHERE e.distributor_id = (SELECT sellthru_tenant()))) WITH CHECK ((SELECT sellthru_is_staff()) OR exception_id IN (SELECT e.id FROM exceptions e WHERE e.distributor_id = (SELECT sellthru_tenant())));
--> statement-breakpoint
ALTER TABLE corrections ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY corrections_tenant ON corrections USING ((SELECT sellthru_is_staff()) OR exception_id IN (SELECT e.id FROM exceptions e WHERE e.distributor_id = (SELECT sellthru_tenant()))) WITH CHECK ((SELECT sellthru_is_staff()) OR exception_id IN (SELECT e.id FROM exceptions e WHERE e.distributor_id = (SELECT sellthru_tenant())));
--> statement-breakpoint
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY idempotency_keys_tenant ON idempotency_keys USING ((SELECT sellthru_is_staff()) OR user_id IN (SELECT u.id FROM users u WHERE u.distributor_id = (SELECT sellthru_tenant()))) WITH CHECK ((SELECT sellthru_is_staff()) OR user_id IN (SELECT u.id FROM users u WHERE u.distributor_id = (SELECT sellthru_tenant())));
--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY api_tokens_tenant ON api_tokens USING ((SELECT sellthru_is_staff()) OR user_id IN (SELECT u.id FROM users u WHERE u.distributor_id = (SELECT sellthru_tenant()))) WITH CHECK ((SELECT sellthru_is_staff()) OR user_id IN (SELECT u.id FROM users u WHERE u.distributor_id = (SELECT sellthru_tenant())));
--> statement-breakpoint
CREATE POLICY api_tokens_auth_read ON api_tokens FOR SELECT USING ((SELECT sellthru_is_auth()));
--> statement-breakpoint
CREATE POLICY api_tokens_auth_touch ON api_tokens FOR UPDATE USING ((SELECT sellthru_is_auth())) WITH CHECK ((SELECT sellthru_is_auth()));
--> statement-breakpoint
ALTER TABLE distributors ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY distributors_read ON distributors FOR SELECT USING ((SELECT sellthru_is_staff()) OR (SELECT sellthru_is_auth()) OR id = (SELECT sellthru_tenant()));
--> statement-breakpoint
CREATE POLICY distributors_write ON distributors FOR ALL USING ((SELECT sellthru_is_staff())) WITH CHECK ((SELECT sellthru_is_staff()));
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY users_read ON users FOR SELECT USING ((SELECT sellthru_is_staff()) OR (SELECT sellthru_is_auth()) OR distributor_id = (SELECT sellthru_tenant()) OR (distributor_id IS NULL AND (SELECT sellthru_tenant()) IS NOT NULL));
--> statement-breakpoint
CREATE POLICY users_write ON users FOR ALL USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_log_read ON audit_log FOR SELECT USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK ((SELECT sellthru_is_staff()) OR (SELECT sellthru_is_auth()) OR distributor_id IS NULL OR distributor_id = (SELECT sellthru_tenant()));
