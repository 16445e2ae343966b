-- Issue 13: the personal-data access log is append-only. Rows can be added, never changed or removed,
-- on PGlite and PostgreSQL alike (the application's own role included).
CREATE OR REPLACE FUNCTION personal_data_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'personal_data_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER personal_data_log_no_update_delete BEFORE UPDATE OR DELETE ON "personal_data_log"
  FOR EACH ROW EXECUTE FUNCTION personal_data_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER personal_data_log_no_truncate BEFORE TRUNCATE ON "personal_data_log"
  FOR EACH STATEMENT EXECUTE FUNCTION personal_data_log_refuse_change();
