ALTER TABLE "reimbursement_rates" ADD COLUMN "set_by" text;--> statement-breakpoint
ALTER TABLE "reimbursement_rates" ADD COLUMN "set_at" timestamp with time zone;