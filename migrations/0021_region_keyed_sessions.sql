-- Sessions and pending logins keyed by region first, like every regional table (a national deployment distributes by region_id).
-- Pending logins live ten minutes: those under way when this runs are dropped (their user starts the login again).
DELETE FROM "oidc_logins";--> statement-breakpoint
ALTER TABLE "oidc_logins" DROP CONSTRAINT "oidc_logins_pkey";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_pkey";--> statement-breakpoint
ALTER TABLE "oidc_logins" ADD COLUMN "region_id" text NOT NULL;--> statement-breakpoint
ALTER TABLE "oidc_logins" ADD CONSTRAINT "oidc_logins_region_id_state_pk" PRIMARY KEY("region_id","state");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_region_id_token_hash_pk" PRIMARY KEY("region_id","token_hash");
