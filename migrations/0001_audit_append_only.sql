-- The audit log is append-only: rows may not be deleted, and the only update allowed is sealing an
-- unsealed row into the hash chain (setting seq, prev_hash and hash once, nothing else).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only: entries cannot be deleted';
  END IF;
  IF OLD.hash IS NOT NULL OR NEW.hash IS NULL OR NEW.seq IS NULL
     OR ROW(NEW.region_id, NEW.id, NEW.at, NEW.actor_kind, NEW.actor_id, NEW.actor_name, NEW.actor_role,
            NEW.person_id, NEW.action, NEW.purpose, NEW.details::text)
        IS DISTINCT FROM
        ROW(OLD.region_id, OLD.id, OLD.at, OLD.actor_kind, OLD.actor_id, OLD.actor_name, OLD.actor_role,
            OLD.person_id, OLD.action, OLD.purpose, OLD.details::text) THEN
    RAISE EXCEPTION 'audit_log is append-only: entries cannot be changed';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
