-- The audit log cannot be rewritten unseen (issue 12, section 5): entries signed by the application (mac),
-- checkpoints of each chain head, TRUNCATE refused, and writes only through SECURITY DEFINER functions.
CREATE TABLE "audit_checkpoints" (
	"region_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"unsigned_until" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"mac" text NOT NULL,
	CONSTRAINT "audit_checkpoints_region_id_seq_pk" PRIMARY KEY("region_id","seq")
);
--> statement-breakpoint
ALTER TABLE "audit_chain" ADD COLUMN "unsigned_until" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "mac" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_mac_format" CHECK ("audit_log"."mac" ~ '^[0-9a-f]{64}$');--> statement-breakpoint
-- Entries already written carry no MAC: the sealed ones, and those still waiting for the sealer, which it
-- will number next. Every later entry must be signed.
UPDATE audit_chain SET unsigned_until = last_seq;
--> statement-breakpoint
INSERT INTO audit_chain (region_id, last_seq, last_hash, unsigned_until)
SELECT region_id, 0, repeat('0', 64), count(*) FROM audit_log WHERE hash IS NULL GROUP BY region_id
ON CONFLICT (region_id) DO UPDATE SET unsigned_until = audit_chain.last_seq + excluded.unsigned_until;
--> statement-breakpoint
-- As in 0001, and the MAC is fixed at insert too.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only: entries cannot be deleted';
  END IF;
  IF OLD.hash IS NOT NULL OR NEW.hash IS NULL OR NEW.seq IS NULL
     OR ROW(NEW.region_id, NEW.id, NEW.at, NEW.actor_kind, NEW.actor_id, NEW.actor_name, NEW.actor_role,
            NEW.person_id, NEW.action, NEW.purpose, NEW.details::text, NEW.mac)
        IS DISTINCT FROM
        ROW(OLD.region_id, OLD.id, OLD.at, OLD.actor_kind, OLD.actor_id, OLD.actor_name, OLD.actor_role,
            OLD.person_id, OLD.action, OLD.purpose, OLD.details::text, OLD.mac) THEN
    RAISE EXCEPTION 'audit_log is append-only: entries cannot be changed';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- A chain head is created once and only moves forward: resetting it (to rewind the log) is refused.
CREATE FUNCTION audit_chain_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_chain is append-only: a chain head cannot be deleted';
  END IF;
  IF NEW.region_id IS DISTINCT FROM OLD.region_id OR NEW.unsigned_until IS DISTINCT FROM OLD.unsigned_until
     OR NEW.last_seq < OLD.last_seq OR (NEW.last_seq = OLD.last_seq AND NEW.last_hash IS DISTINCT FROM OLD.last_hash) THEN
    RAISE EXCEPTION 'audit_chain is append-only: a chain head only moves forward';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_forward_only BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_chain_forward_only();
--> statement-breakpoint
-- Row triggers do not fire on TRUNCATE: a statement trigger refuses it on every audit table.
CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_refuse();
--> statement-breakpoint
-- The only ways to write the audit tables. SECURITY DEFINER: they run as the owner of the tables (the role
-- that runs migrations), so the application's role needs EXECUTE on them and no INSERT, UPDATE, DELETE or
-- TRUNCATE on the tables (README, "Audit log roles"). The MACs are computed by the application; the
-- database never holds the key.
CREATE FUNCTION audit_append(p_region_id text, p_actor_kind text, p_actor_id text, p_actor_name text, p_actor_role text,
  p_ids uuid[], p_ats timestamptz[], p_person_ids uuid[], p_actions text[], p_purposes text[], p_details jsonb[], p_macs text[])
RETURNS integer LANGUAGE sql SECURITY DEFINER AS $$
  WITH written AS (
    INSERT INTO audit_log (region_id, id, at, actor_kind, actor_id, actor_name, actor_role, person_id, action, purpose, details, mac)
    SELECT p_region_id, e.id, e.at, p_actor_kind, p_actor_id, p_actor_name, p_actor_role, e.person_id, e.action, e.purpose, e.details, e.mac
    FROM unnest(p_ids, p_ats, p_person_ids, p_actions, p_purposes, p_details, p_macs) AS e(id, at, person_id, action, purpose, details, mac)
    RETURNING 1)
  SELECT count(*)::int FROM written
$$;
--> statement-breakpoint
-- The region's chain head, created at genesis if need be, locked until the caller's transaction ends.
CREATE FUNCTION audit_chain_head(p_region_id text) RETURNS TABLE (last_seq bigint, last_hash text, unsigned_until bigint)
LANGUAGE sql SECURITY DEFINER AS $$
  INSERT INTO audit_chain (region_id, last_seq, last_hash) VALUES (p_region_id, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
  SELECT c.last_seq, c.last_hash, c.unsigned_until FROM audit_chain c WHERE c.region_id = p_region_id FOR UPDATE;
$$;
--> statement-breakpoint
-- Links a batch of entries into the chain and moves the head; the batch must continue from the head.
CREATE FUNCTION audit_seal(p_region_id text, p_ids uuid[], p_seqs bigint[], p_prev_hashes text[], p_hashes text[])
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  k integer := cardinality(p_ids);
  n integer;
BEGIN
  SELECT c.last_seq, c.last_hash INTO head_seq, head_hash FROM audit_chain c WHERE c.region_id = p_region_id FOR UPDATE;
  IF head_seq IS NULL OR k = 0 OR p_seqs[1] <> head_seq + 1 OR p_prev_hashes[1] <> head_hash THEN
    RAISE EXCEPTION 'audit_seal: the batch does not continue the chain of region %', p_region_id;
  END IF;
  UPDATE audit_log a SET seq = s.seq, prev_hash = s.prev_hash, hash = s.hash
  FROM unnest(p_ids, p_seqs, p_prev_hashes, p_hashes) AS s(id, seq, prev_hash, hash)
  WHERE a.region_id = p_region_id AND a.id = s.id;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n <> k THEN
    RAISE EXCEPTION 'audit_seal: % of % entries of region % were found', n, k, p_region_id;
  END IF;
  UPDATE audit_chain SET last_seq = p_seqs[k], last_hash = p_hashes[k] WHERE region_id = p_region_id;
  RETURN n;
END $$;
--> statement-breakpoint
CREATE FUNCTION audit_checkpoint_add(p_region_id text, p_seq bigint, p_head_hash text, p_unsigned_until bigint, p_at timestamptz, p_mac text)
RETURNS boolean LANGUAGE sql SECURITY DEFINER AS $$
  WITH added AS (
    INSERT INTO audit_checkpoints (region_id, seq, head_hash, unsigned_until, at, mac)
    VALUES (p_region_id, p_seq, p_head_hash, p_unsigned_until, p_at, p_mac)
    ON CONFLICT DO NOTHING RETURNING 1)
  SELECT count(*) > 0 FROM added
$$;
--> statement-breakpoint
-- A SECURITY DEFINER function must not find tables through a schema its caller controls (pg_temp is
-- searched first unless named), and only roles granted EXECUTE may call them.
DO $$
DECLARE f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = current_schema() AND p.proname IN ('audit_append', 'audit_chain_head', 'audit_seal', 'audit_checkpoint_add')
  LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
  END LOOP;
END $$;
